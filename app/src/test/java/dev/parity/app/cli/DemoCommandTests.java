package dev.parity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./parity demo} end to end on its embedded databases, and the discrepancy outputs. */
class DemoCommandTests {

	@TempDir
	Path dir;

	@Test
	void theDemoRunsTheWholeLoopAndStartsCleanWhenRunAgain() throws Exception {
		Path demo = dir.resolve("demo");
		CliRun first = CliRun.of("demo", "--dir", demo.toString());
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).containsPattern("customers +998 +998 +4/2 +0\\.0000 % +0\\.0100 % +pass")
			.containsPattern("orders +3000 +2997 +0/0 +0\\.1000 % +0\\.0100 % +COUNT_MISMATCH")
			.containsPattern("products +6 +8 .*COUNT_MISMATCH")
			.containsPattern("events +500 +470 .*COUNT_MISMATCH +target 1[78]\\d\\d s behind")
			// diff: rows compared, equal, in flight, fields, mismatched, rate, missing, extra, field, duplicate
			.containsPattern("customers +998 +996 +4 +3992 +2 +99\\.9499 % +0 +0 +2 +0")
			// events replicate 30 minutes late: above the 15m lag threshold the diff's lag window widens to the
			// measured lag, so the 20 rows younger than that are in flight and only the 10 older ones missing
			.containsPattern("events +480 +470 +20 +960 +20 +97\\.9167 % +10 +0 +0 +0")
			.containsPattern("events: lag window widened from 5m to (30m|29m59s): replication lag")
			.containsPattern("orders +3000 +2997 +0 +6000 +6 +99\\.9000 % +3 +0 +0 +0")
			.containsPattern("products +7 +5 +0 +14 +2 +85\\.7143 % +0 +1 +0 +1")
			// reconcile: insert, update, delete, deduplicate, self-healed, failed, left open
			// checksum: the same row discrepancies, found through checksums, and the first checkpoint
			.contains("checksum (run 3, checkpoint 1)")
			.containsPattern("customers +databases +1002/1000 +1 +1 +\\d+ +[0-9,]+ +4 +0 +0 +2 +0")
			.containsPattern("orders +databases +3000/2997 +1 +1 +\\d+ +[0-9,]+ +0 +3 +0 +0 +0")
			// the checksum widens the same lag window and says so
			.containsPattern("events +databases +500/470 +1 +1 +\\d+ +[0-9,]+ +20 +10 +0 +0 +0")
			.containsPattern("note: events: lag window widened from 5m to (30m|29m59s): replication lag")
			.contains("Checkpoints:      ./parity checkpoints --config ")
			.contains("reconcile (run 4)")
			.containsPattern("customers +0 +2 +0 +0 +0 +0 +0")
			.containsPattern("orders +3 +0 +0 +0 +0 +0 +0")
			.containsPattern("products +0 +0 +1 +1 +0 +0 +0")
			.containsPattern("events +10 +0 +0 +0 +0 +0 +0")
			// left: the schema conflict that pauses suppliers and three count mismatches until the next count
			.contains("Open discrepancies after reconcile: 4")
			.contains("Readiness:        NOT READY")
			.contains("Sign-off report:  " + demo.toAbsolutePath().normalize().resolve("signoff.pdf"));
		assertThat(demo.resolve("signoff.pdf")).exists().isNotEmptyFile();
		// the sign-off report says so too, for the auditors: the events section notes both widened windows
		String report = pdfText(demo.resolve("signoff.pdf"));
		assertThat(report).containsPattern("Notes diff \\([^)]+\\): lag window widened from 5m to (30m|29m59s): replication lag")
			.containsPattern("checksum \\([^)]+\\): lag window widened from 5m to (30m|29m59s): replication lag")
			.contains("Notes none");

		CliRun second = CliRun.of("demo", "--dir", demo.toString());
		assertThat(second.exitCode()).isZero();
		assertThat(second.out()).contains("counts (run 1)").contains("diff (run 2)")
			.contains("Open discrepancies after reconcile: 4");

		String config = demo.resolve("parity.yml").toString();
		CliRun check = CliRun.of("check", "counts", "--config", config);
		assertThat(check.exitCode()).as("discrepancies found").isEqualTo(1);
		assertThat(check.out()).contains("counts (run 5)").contains("paused (skipped until reviewed and resumed): suppliers");
		CliRun selected = CliRun.of("check", "counts", "--config", config, "--table", "customers");
		assertThat(selected.exitCode()).as("customers is clean").isZero();
		assertThat(selected.out()).contains("customers").doesNotContain("orders");
	}

	@Test
	void discrepanciesAreListedAsTheContractSays() throws Exception {
		Path demo = dir.resolve("demo");
		assertThat(CliRun.of("demo", "--dir", demo.toString()).exitCode()).isZero();
		String config = demo.resolve("parity.yml").toString();

		CliRun json = CliRun.of("discrepancies", "--config", config, "--format", "json", "--status", "all");
		assertThat(json.exitCode()).isZero();
		List<Map<String, Object>> elements = JsonMapper.builder().build().readValue(json.out(),
				new TypeReference<List<Map<String, Object>>>() {
				});
		assertThat(elements).hasSize(21);
		assertThat(elements.get(0)).containsOnlyKeys("id", "table", "key", "type", "column", "source", "target",
				"status", "critical", "firstSeen", "lastSeen", "detail");
		assertThat(elements.subList(1, 4)).extracting((e) -> e.get("table") + " " + e.get("type") + " " + e.get("source")
				+ "/" + e.get("target") + " " + e.get("status") + " " + e.get("critical"))
			.containsExactly("orders COUNT_MISMATCH 3000/2997 OPEN true", "products COUNT_MISMATCH 6/8 OPEN false",
					"events COUNT_MISMATCH 500/470 OPEN false");
		assertThat(elements).filteredOn((e) -> "FIELD_MISMATCH".equals(e.get("type")))
			.extracting((e) -> e.get("key") + " " + e.get("column") + " " + e.get("source") + " -> " + e.get("target"))
			.containsExactlyInAnyOrder("{id=7} balance 9.59 -> 10.59",
					"{id=42} email customer42@example.org -> customer42@example.com");
		assertThat(elements).filteredOn((e) -> e.get("key") != null)
			.extracting((e) -> e.get("status"))
			.as("every row discrepancy repaired by the demo's reconcile")
			.containsOnly("RESOLVED");
		assertThat((String) elements.get(0).get("firstSeen")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

		CliRun csv = CliRun.of("discrepancies", "--config", config, "--format", "csv", "--status", "all");
		assertThat(csv.out()).startsWith("id,table,key,type,column,source,target,status,critical,firstSeen,lastSeen\r\n");
		assertThat(csv.out().split("\r\n")).hasSize(22);

		CliRun table = CliRun.of("discrepancies", "--config", config);
		assertThat(table.out()).contains("4 discrepancies");
	}

	// The demo's checksum wrote checkpoint 1 before reconcile repaired the target; a second checksum's
	// checkpoint differs from it exactly where the target was repaired, on the target only.
	@Test
	void checkpointsAreListedAndComparedAfterAReconcile() {
		Path demo = dir.resolve("demo");
		assertThat(CliRun.of("demo", "--dir", demo.toString()).exitCode()).isZero();
		String config = demo.resolve("parity.yml").toString();

		CliRun checksum = CliRun.of("check", "checksum", "--config", config);
		assertThat(checksum.exitCode()).as(checksum.err()).isIn(0, 1);
		assertThat(checksum.out()).contains("checksum (run 5, checkpoint 2)");

		CliRun list = CliRun.of("checkpoints", "--config", config);
		assertThat(list.exitCode()).as(list.err()).isZero();
		assertThat(list.out()).containsPattern("(?m)^1 +\\d+ +COMPLETE ").containsPattern("(?m)^2 +\\d+ +COMPLETE ");

		CliRun diff = CliRun.of("checkpoints", "diff", "1", "2", "--config", config);
		assertThat(diff.exitCode()).as(diff.err()).isZero();
		assertThat(diff.out()).containsPattern("checkpoints 1 -> 2: [1-9]\\d* of \\d+ regions changed")
			.containsPattern("customers .* same .* CHANGED")
			.doesNotContainPattern("CHANGED .* CHANGED");

		CliRun missing = CliRun.of("checkpoints", "diff", "1", "9", "--config", config);
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err().strip())
			.isEqualTo("error: checkpoints diff: checkpoint 9 does not exist (./parity checkpoints lists them)");
	}

	@Test
	void aSchemaConflictPausesTheTableUntilResumed() {
		Path demo = dir.resolve("demo");
		assertThat(CliRun.of("demo", "--dir", demo.toString()).exitCode()).isZero();
		String config = demo.resolve("parity.yml").toString();

		CliRun schema = CliRun.of("check", "schema", "--config", config);
		assertThat(schema.exitCode()).isEqualTo(1);
		assertThat(schema.out()).containsPattern("suppliers +phone +CONFLICT +source column neither mapped nor ignored")
			.contains("paused (skipped until reviewed and resumed): suppliers");

		CliRun resume = CliRun.of("resume", "suppliers", "--config", config, "--by", "alice");
		assertThat(resume.exitCode()).as(resume.err()).isZero();
		assertThat(resume.out()).startsWith("Resumed suppliers (paused for: phone: source column neither mapped nor ignored")
			.contains("by alice");
		assertThat(CliRun.of("resume", "suppliers", "--config", config).out()).contains("suppliers is not paused");
		assertThat(CliRun.of("resume", "nope", "--config", config).err()).contains("no table pair named 'nope'");

		// not fixed: the next check pauses it again
		CliRun counts = CliRun.of("check", "counts", "--config", config, "--table", "suppliers");
		assertThat(counts.out()).contains("paused (skipped until reviewed and resumed): suppliers");
	}

	@Test
	void theDemoRefusesToWipeAFolderItDidNotCreate() throws Exception {
		Files.writeString(dir.resolve("precious.txt"), "keep me");
		CliRun run = CliRun.of("demo", "--dir", dir.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("is not empty and was not created by ./parity demo");
		assertThat(dir.resolve("precious.txt")).exists();
	}


	static String pdfText(Path pdf) throws java.io.IOException {
		com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(java.nio.file.Files.readAllBytes(pdf));
		try {
			StringBuilder text = new StringBuilder();
			com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			return text.toString().replaceAll("\\s+", " ");
		}
		finally {
			reader.close();
		}
	}

}
