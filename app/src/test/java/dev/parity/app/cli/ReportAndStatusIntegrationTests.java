package dev.parity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/**
 * The exit criteria and the sign-off report, from a control database filled by real counts and diff
 * runs on MariaDB (source) and PostgreSQL (target). The PDF is read back and its figures checked
 * against what the runs stored; a large discrepancy set keeps the report short.
 */
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class ReportAndStatusIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void statusAndReportShowWhatTheRunsMeasured() throws Exception {
		try (TestSchema source = TestDatabases.MARIADB.freshSchema(); TestSchema target = TestDatabases.POSTGRES.freshSchema()) {
			// given: 3000 accounts (Zoë, Łukasz, Ωμέγα...) of which the target lacks 2000 and has one changed name
			source.execute("CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(40))",
					"INSERT INTO accounts " + IntStream.rangeClosed(1, 3000)
						.mapToObj((i) -> "SELECT " + i + ", '" + owner(i) + "'")
						.collect(Collectors.joining(" UNION ALL ")));
			target.execute("CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(40))",
					"INSERT INTO accounts " + IntStream.rangeClosed(1, 1000)
						.mapToObj((i) -> "SELECT " + i + ", '" + owner(i) + "'")
						.collect(Collectors.joining(" UNION ALL ")),
					"UPDATE accounts SET owner = 'Привет мир' WHERE id = 7");
			Path config = config(source, target);
			assertThat(CliRun.of("check", "all", "--config", config.toString()).exitCode()).isEqualTo(1);
			assertThat(CliRun.of("sla", "record", "180ms", "--config", config.toString()).exitCode()).isZero();

			// when
			CliRun status = CliRun.of("status", "--config", config.toString());
			Path pdf = dir.resolve("signoff.pdf");
			CliRun report = CliRun.of("report", "--config", config.toString(), "--out", pdf.toString());
			CliRun csv = CliRun.of("report", "--config", config.toString(), "--format", "csv", "--out",
					dir.resolve("signoff.csv").toString());

			// then: status, one line per criterion
			assertThat(status.exitCode()).isEqualTo(1);
			assertThat(status.out()).containsPattern("critical defects +2002 open +none for 30 days +FAIL")
				.containsPattern("record-count variance \\(every table\\) +66\\.6667 % max \\(accounts\\) +<= 0\\.0100 % +FAIL")
				.containsPattern("field match rate \\(every table\\) +33\\.3000 % min \\(accounts\\) +>= 99\\.9000 % +FAIL")
				.containsPattern("target response time at peak \\(p95\\) +180 ms peak of 1 samples +<= 250 ms +PASS")
				.contains("overall: NOT READY");

			// then: the PDF, read back
			assertThat(report.exitCode()).as(report.err()).isZero();
			assertThat(report.out()).contains("Wrote the sign-off report (NOT READY) to " + pdf);
			PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
			StringBuilder text = new StringBuilder();
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			String all = text.toString().replaceAll("\\s+", " ");
			assertThat(all).contains("Report ACME migration")
				.contains("NOT READY")
				.contains("3000 in the source, 1000 in the target; variance 66.6667 %")
				.contains("33.3000 % of fields match")
				.contains("2002 open")
				.contains("180 ms peak of 1 samples")
				.contains("The first 50 of 2002 open critical discrepancies")
				.contains("Привет мир")
				.contains("Prepared by").contains("Approved by").contains("Dana Ωμέγα");
			// 2002 discrepancies, yet a short report: cover, criteria, tables, 2-3 pages of 50, sign-off
			assertThat(reader.getNumberOfPages()).isBetween(5, 8);
			reader.close();

			assertThat(csv.exitCode()).isZero();
			String csvText = Files.readString(dir.resolve("signoff.csv"));
			assertThat(csvText).startsWith("section,table,item,value\r\n")
				.contains("critical discrepancies,,total open,2002");
			assertThat(csvText.lines().filter((l) -> l.startsWith("critical discrepancy,"))).hasSize(2002);
		}
	}

	private static String owner(int i) {
		return switch (i % 3) {
			case 0 -> "Zoë " + i;
			case 1 -> "Łukasz " + i;
			default -> "Ωμέγα " + i;
		};
	}

	private Path config(TestSchema source, TestSchema target) throws IOException {
		Path config = dir.resolve("parity.yml");
		Files.writeString(config, """
				parity:
				  name: Report ACME migration
				  source: { url: "%s", username: "%s", password: "%s" }
				  target: { url: "%s", username: "%s", password: "%s" }
				  control: { url: "jdbc:h2:file:%s/control" }
				  sla: { response-time: 250ms }
				  report: { max-discrepancies: 50, prepared-by: "Dana Ωμέγα", approved-by: "Chief Approver" }
				  tables:
				    - name: accounts
				      critical: true
				""".formatted(source.url(), source.user(), source.password(), target.url(), target.user(),
				target.password(), dir));
		return config;
	}

}
