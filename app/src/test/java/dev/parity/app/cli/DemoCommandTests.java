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
	void theDemoRunsTheWholeLoopAndStartsCleanWhenRunAgain() {
		Path demo = dir.resolve("demo");
		CliRun first = CliRun.of("demo", "--dir", demo.toString());
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).containsPattern("customers +998 +998 +4/2 +0\\.0000 % +0\\.0100 % +pass")
			.containsPattern("orders +3000 +2997 +0/0 +0\\.1000 % +0\\.0100 % +COUNT_MISMATCH")
			.containsPattern("products +6 +7 .*COUNT_MISMATCH")
			.containsPattern("events +500 +470 .*COUNT_MISMATCH +target 1[78]\\d\\d s behind")
			.contains("Open discrepancies: 3");

		CliRun second = CliRun.of("demo", "--dir", demo.toString());
		assertThat(second.exitCode()).isZero();
		assertThat(second.out()).contains("counts (run 1)").contains("Open discrepancies: 3");

		String config = demo.resolve("parity.yml").toString();
		CliRun check = CliRun.of("check", "counts", "--config", config);
		assertThat(check.exitCode()).as("discrepancies found").isEqualTo(1);
		assertThat(check.out()).contains("counts (run 2)");
		CliRun selected = CliRun.of("check", "counts", "--config", config, "--table", "customers");
		assertThat(selected.exitCode()).as("customers is clean").isZero();
		assertThat(selected.out()).contains("customers").doesNotContain("orders");
	}

	@Test
	void discrepanciesAreListedAsTheContractSays() throws Exception {
		Path demo = dir.resolve("demo");
		assertThat(CliRun.of("demo", "--dir", demo.toString()).exitCode()).isZero();
		String config = demo.resolve("parity.yml").toString();

		CliRun json = CliRun.of("discrepancies", "--config", config, "--format", "json");
		assertThat(json.exitCode()).isZero();
		List<Map<String, Object>> elements = JsonMapper.builder().build().readValue(json.out(),
				new TypeReference<List<Map<String, Object>>>() {
				});
		assertThat(elements).hasSize(3);
		assertThat(elements.get(0)).containsOnlyKeys("id", "table", "key", "type", "column", "source", "target",
				"status", "critical", "firstSeen", "lastSeen");
		assertThat(elements).extracting((e) -> e.get("table") + " " + e.get("type") + " " + e.get("source") + "/"
				+ e.get("target") + " " + e.get("status") + " " + e.get("critical"))
			.containsExactly("orders COUNT_MISMATCH 3000/2997 OPEN true", "products COUNT_MISMATCH 6/7 OPEN false",
					"events COUNT_MISMATCH 500/470 OPEN false");
		assertThat((String) elements.get(0).get("firstSeen")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

		CliRun csv = CliRun.of("discrepancies", "--config", config, "--format", "csv", "--status", "all");
		assertThat(csv.out()).startsWith("id,table,key,type,column,source,target,status,critical,firstSeen,lastSeen\r\n");
		assertThat(csv.out().split("\r\n")).hasSize(4);

		CliRun table = CliRun.of("discrepancies", "--config", config);
		assertThat(table.out()).contains("3 discrepancies");
	}

	@Test
	void theDemoRefusesToWipeAFolderItDidNotCreate() throws Exception {
		Files.writeString(dir.resolve("precious.txt"), "keep me");
		CliRun run = CliRun.of("demo", "--dir", dir.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("is not empty and was not created by ./parity demo");
		assertThat(dir.resolve("precious.txt")).exists();
	}

}
