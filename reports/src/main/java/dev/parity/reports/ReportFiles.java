package dev.parity.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writing a sign-off PDF to a file: never half-written (written beside it, then moved into place). */
public final class ReportFiles {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	private ReportFiles() {
	}

	/** {@code DIR/signoff-<time>.EXTENSION}. */
	public static Path defaultFile(String directory, Instant at, String extension) {
		return Path.of(directory, "signoff-" + STAMP.format(at) + "." + extension);
	}

	public static void writePdf(PdfReportRenderer renderer, SignOffReport report, Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path partial = Files.createTempFile(parent, ".parity-report-", ".part");
		try {
			try (OutputStream stream = Files.newOutputStream(partial)) {
				renderer.render(report, stream);
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

}
