package dev.parity.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parity.core.config.ConfigProblem;
import dev.parity.core.config.TableMapping;
import dev.parity.core.connect.DatabaseConnector;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/** Validation pass two against real MariaDB (source) and PostgreSQL (target). */
@RequiresDatabase({ TestDatabases.POSTGRES, TestDatabases.MARIADB })
class MappingValidatorIntegrationTests {

	static TestSchema sourceSchema;

	static TestSchema targetSchema;

	static SourceDatabase source;

	static TargetDatabase target;

	@BeforeAll
	static void schemas() {
		sourceSchema = TestDatabases.MARIADB.freshSchema();
		targetSchema = TestDatabases.POSTGRES.freshSchema();
		sourceSchema.execute("CREATE TABLE Customers (ID INT PRIMARY KEY, name VARCHAR(50), balance_cents BIGINT)",
				"INSERT INTO Customers VALUES (1, 'a', 100), (2, 'b', 250)",
				"CREATE TABLE visits (day DATE, customer_id INT, n INT)",
				"INSERT INTO visits VALUES ('2026-01-01', 1, 3), ('2026-01-01', 1, 4)");
		targetSchema.execute(
				"CREATE TABLE customer (id INT PRIMARY KEY, full_name VARCHAR(50), balance NUMERIC(12,2), loaded_at TIMESTAMP)",
				"CREATE TABLE visits (day DATE, customer_id INT, n INT, region VARCHAR(10))",
				"CREATE TABLE totals (id INT PRIMARY KEY, \"OrderTotal\" INT, ordertotal INT)");
		sourceSchema.execute("CREATE TABLE totals (id INT PRIMARY KEY, OrderTotal INT, ordertotal_old INT)");
		source = DatabaseConnector.source(sourceSchema.settings());
		target = DatabaseConnector.target(targetSchema.settings());
	}

	@AfterAll
	static void close() {
		source.close();
		target.close();
		sourceSchema.close();
		targetSchema.close();
	}

	@Test
	void resolvesNamesCaseInsensitivelyAndMapsColumns() {
		TableMapping customers = new TableMapping("customers", "customers", "customer", null, null, true,
				Map.of("full_name", "name", "balance", "balance_cents / 100.0"), List.of("loaded_at"));
		List<ConfigProblem> problems = new ArrayList<>();
		List<TablePair> pairs = new MappingValidator(source, target).resolve(List.of(customers), List.of(customers),
				problems);
		assertThat(problems).isEmpty();
		TablePair pair = pairs.get(0);
		assertThat(pair.source().getName()).isEqualTo("Customers");
		assertThat(pair.sourceKey()).extracting(Field::getName).containsExactly("ID");
		assertThat(pair.targetKey()).extracting(Field::getName).containsExactly("id");
		assertThat(pair.columns()).extracting(ColumnPair::name).containsExactly("full_name", "balance");
		assertThat(pair.columns()).extracting(ColumnPair::expression).containsExactly(true, true);
	}

	@Test
	void anExactNameWinsAndAnAmbiguousOneIsAnErrorNamingBoth() {
		// ignoring ordertotal (exact) keeps the quoted "OrderTotal" compared; it is not matched by case
		TableMapping totals = new TableMapping("totals", "totals", "totals", null, null, false,
				Map.of("ordertotal", "ordertotal_old"), List.of());
		TableMapping ignoring = new TableMapping("totals", "totals", "totals", null, null, false, null, List.of("ordertotal"));
		List<ConfigProblem> problems = new ArrayList<>();
		List<TablePair> pairs = new MappingValidator(source, target).resolve(List.of(ignoring), List.of(ignoring), problems);
		assertThat(problems).isEmpty();
		assertThat(pairs.get(0).columns()).extracting(ColumnPair::name).containsExactly("OrderTotal");
		// an expression under the exact lower-case name maps that column only
		pairs = new MappingValidator(source, target).resolve(List.of(totals), List.of(totals), problems);
		assertThat(problems).isEmpty();
		assertThat(pairs.get(0).columns()).extracting(ColumnPair::name, ColumnPair::expression)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("OrderTotal", false),
					org.assertj.core.groups.Tuple.tuple("ordertotal", true));
		// a name that matches both except for case is an error naming both
		TableMapping ambiguous = new TableMapping("totals", "totals", "totals", null, null, false, null,
				List.of("ORDERTOTAL"));
		new MappingValidator(source, target).resolve(List.of(ambiguous), List.of(ambiguous), problems);
		assertThat(problems).extracting(ConfigProblem::toString).singleElement().asString()
			.contains("parity.tables[0].ignore")
			.contains("ORDERTOTAL is ambiguous in target table totals")
			.contains("OrderTotal and ordertotal");
	}

	@Test
	void reportsEveryLiveProblemAtOnce() {
		List<TableMapping> tables = List.of(
				new TableMapping("missing", "no_such_table", "customer", null, null, false, null, null),
				new TableMapping("customers", "customers", "customer", List.of("id", "nope"), "updated_at", false,
						Map.of("full_name", "name", "balance", "balance_cents / ", "ghost", "name"), List.of("loaded_at")),
				new TableMapping("visits", "visits", "visits", List.of("day", "customer_id"), null, false, null, null));
		List<ConfigProblem> problems = new ArrayList<>();
		new MappingValidator(source, target).resolve(tables, tables, problems);
		assertThat(problems).extracting(ConfigProblem::toString)
			.satisfiesExactlyInAnyOrder(
					(p) -> assertThat(p).isEqualTo("parity.tables[0].source: table no_such_table does not exist in the source database"),
					(p) -> assertThat(p).isEqualTo("parity.tables[1].key[1]: column nope does not exist in source table Customers"),
					(p) -> assertThat(p).isEqualTo("parity.tables[1].key[1]: column nope does not exist in target table customer"),
					(p) -> assertThat(p).isEqualTo("parity.tables[1].updated-column: column updated_at does not exist in source table Customers"),
					(p) -> assertThat(p).isEqualTo("parity.tables[1].updated-column: column updated_at does not exist in target table customer"),
					(p) -> assertThat(p).isEqualTo("parity.tables[1].columns.ghost: column ghost does not exist in target table customer"),
					(p) -> assertThat(p).startsWith("parity.tables[1].columns.balance: the source cannot evaluate 'balance_cents / ': "),
					(p) -> assertThat(p).isEqualTo("parity.tables[2].columns: target column region has no same-named column in source table visits; map it under columns or list it under ignore"),
					(p) -> assertThat(p).startsWith("parity.tables[2].key: (day, customer_id) is not unique in source table visits: 2026-01-01,1 occurs more than once"));
	}

}
