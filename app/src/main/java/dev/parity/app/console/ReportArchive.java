package dev.parity.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

import dev.parity.app.security.CurrentUser;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.repository.AuditLog;
import dev.parity.reports.PdfReportRenderer;
import dev.parity.reports.ReportFiles;
import dev.parity.reports.SignOffReport;
import dev.parity.reports.SignOffReportBuilder;

/**
 * The sign-off PDFs in {@code parity.report.directory}: generated now (as {@code ./parity report}),
 * listed, read back for download, and signed off by an approver. Generation and sign-off are audited
 * ({@code REPORT_GENERATED}, {@code REPORT_SIGNED_OFF}, the file name in the detail).
 */
@Service
@ConditionalOnWebApplication
public class ReportArchive {

	/** File names the console serves: no directories, no traversal. */
	static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+\\.pdf");

	static final String SIGNED_OFF = "REPORT_SIGNED_OFF";

	private final ParityConfig config;

	private final SignOffReportBuilder builder;

	private final PdfReportRenderer renderer;

	private final AuditLog audit;

	private final Clock clock;

	ReportArchive(ParityConfig config, SignOffReportBuilder builder, PdfReportRenderer renderer, AuditLog audit,
			Clock clock) {
		this.config = config;
		this.builder = builder;
		this.renderer = renderer;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A stored report.
	 *
	 * @param signedOffBy who signed it off ({@code console:carol}), or null
	 */
	public record Report(String name, long bytes, Instant modified, String signedOffBy, Instant signedOffAt) {
	}

	/** The PDFs of the report directory, newest first. */
	public List<Report> list() {
		Path directory = directory();
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		Map<String, AuditLog.Entry> signOffs = new HashMap<>();
		for (AuditLog.Entry entry : audit.byAction(SIGNED_OFF, 1000)) {
			signOffs.putIfAbsent(entry.detail(), entry);
		}
		List<Report> reports = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter((f) -> NAME.matcher(f.getFileName().toString()).matches() && servable(f)).toList()) {
				AuditLog.Entry signed = signOffs.get(file.getFileName().toString());
				reports.add(new Report(file.getFileName().toString(), Files.size(file),
						Files.getLastModifiedTime(file).toInstant(), signed == null ? null : signed.actor(),
						signed == null ? null : signed.at()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		reports.sort(Comparator.comparing(Report::modified).thenComparing(Report::name).reversed());
		return reports;
	}

	/** Builds and writes the sign-off PDF now; returns its file name. */
	public String generate() {
		SignOffReport report = builder.build();
		Path file = ReportFiles.defaultFile(config.report().directory(), report.readiness().evaluatedAt(), "pdf");
		try {
			ReportFiles.writePdf(renderer, report, file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("the report could not be written to " + file.toAbsolutePath() + ": "
					+ ex.getMessage(), ex);
		}
		CurrentUser user = CurrentUser.get();
		String name = file.getFileName().toString();
		audit.record(user.actor(), "REPORT_GENERATED", null, null, null, name, clock.instant());
		return name;
	}

	/**
	 * The stored PDF {@code name}.
	 * @throws NoSuchElementException when the name is not a report of the directory
	 */
	public Path file(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new NoSuchElementException("there is no report named '" + name + "'");
		}
		Path file = directory().resolve(name);
		if (!servable(file)) {
			throw new NoSuchElementException("there is no report named '" + name + "'");
		}
		return file;
	}

	/**
	 * Only a regular file directly inside the reports folder is served: not a symbolic link (it could
	 * point anywhere on the host), and, after resolving real paths, nothing whose folder is another one.
	 */
	private boolean servable(Path file) {
		try {
			return Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
					&& file.toRealPath().getParent().equals(directory().toRealPath());
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Records the current user's sign-off of report {@code name}. */
	public void signOff(String name) {
		file(name);
		CurrentUser user = CurrentUser.get();
		audit.record(user.actor(), SIGNED_OFF, null, null, null, name, clock.instant());
	}

	private Path directory() {
		return Path.of(config.report().directory()).toAbsolutePath();
	}

}
