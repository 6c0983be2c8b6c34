package dev.parity.app.web;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parity.app.console.ReportArchive;

/** Reports: generate the sign-off PDF now, list past ones, download, sign off (approvers). */
@Controller
@ConditionalOnWebApplication
class ReportsController {

	private final ReportArchive reports;

	ReportsController(ReportArchive reports) {
		this.reports = reports;
	}

	@GetMapping("/reports")
	String list(Model model) {
		model.addAttribute("reports", reports.list());
		return "reports";
	}

	@PostMapping("/reports")
	String generate(RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", "Wrote " + reports.generate() + ".");
		return "redirect:/reports";
	}

	@GetMapping("/reports/{name}")
	ResponseEntity<FileSystemResource> download(@PathVariable String name) {
		return pdf(reports.file(name));
	}

	/** The PDF as an attachment named as stored. */
	static ResponseEntity<FileSystemResource> pdf(Path file) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
			.body(new FileSystemResource(file));
	}

	@PostMapping("/reports/{name}/sign-off")
	String signOff(@PathVariable String name, RedirectAttributes redirect) {
		reports.signOff(name);
		redirect.addFlashAttribute("notice", "Signed off " + name + ".");
		return "redirect:/reports";
	}

}
