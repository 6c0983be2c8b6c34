package dev.parity.app.api;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.parity.app.console.ReportArchive;

/** Sign-off reports: list, generate (OPERATOR or APPROVER), download, sign off (APPROVER). */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports", description = "The PDF sign-off reports")
@ConditionalOnWebApplication
class ReportsApiController {

	private final ReportArchive reports;

	ReportsApiController(ReportArchive reports) {
		this.reports = reports;
	}

	@GetMapping
	@Operation(summary = "The reports of parity.report.directory, newest first, with any sign-off")
	List<ReportArchive.Report> list() {
		return reports.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Generate the sign-off PDF now")
	Map<String, String> generate() {
		return Map.of("name", reports.generate());
	}

	@GetMapping(path = "/{name}", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "Download a report")
	ResponseEntity<FileSystemResource> download(@PathVariable String name) {
		java.nio.file.Path file = reports.file(name);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(new FileSystemResource(file));
	}

	@PostMapping("/{name}/sign-off")
	@Operation(summary = "Record the current approver's sign-off of a report (audited)")
	Map<String, String> signOff(@PathVariable String name) {
		reports.signOff(name);
		return Map.of("name", name, "signedOffBy", dev.parity.app.security.CurrentUser.get().name());
	}

}
