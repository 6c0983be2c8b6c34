package dev.parity.core.connect;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The statement check of the second read-only layer, without a database. */
class SourceGuardTests {

	@ParameterizedTest
	@ValueSource(strings = { "select count(*) from customers", "SELECT \"id\", 'delete me' FROM \"t\" WHERE x = 'update'",
			"with c as (select 1 as x) select x from c", "select a -- insert into x\nfrom t",
			"select /* drop table t */ 1", "values (1)", "select cast(x as char character set utf8mb4) from t;",
			"select `update` from `insert`" })
	void allowsPlainReads(String sql) {
		assertThatCode(() -> SourceGuard.check(sql)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "insert into t values (1)", "update t set a = 1", "delete from t", "drop table t",
			"create table x (a int)", "alter table t add b int", "truncate t", "select * into copy from t",
			"select 1; drop table t", "with d as (delete from t returning *) select * from d",
			"select * from t for update", "merge into t using s on (1=1) when matched then delete", "call p()",
			"grant all on t to u", "lock table t", "", "   " })
	void rejectsEverythingElse(String sql) {
		assertThatExceptionOfType(SourceWriteRejectedException.class).isThrownBy(() -> SourceGuard.check(sql))
			.withMessageContaining("Parity never modifies the source");
	}

}
