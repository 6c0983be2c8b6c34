package dev.parity.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** Fix statements rendered by jOOQ from names, without a database; values converted to the column types. */
class FixStatementTests {

	private static final Field<Integer> ID = DSL.field(DSL.name("shop", "customer", "id"), SQLDataType.INTEGER);

	private static final Field<Integer> NO = DSL.field(DSL.name("shop", "customer", "no"), SQLDataType.INTEGER);

	private static final Field<Boolean> ACTIVE = DSL.field(DSL.name("shop", "customer", "active"), SQLDataType.BOOLEAN);

	private static final Field<String> NAME = DSL.field(DSL.name("shop", "customer", "full_name"), SQLDataType.VARCHAR(40));

	private final DSLContext postgres = DSL.using(SQLDialect.POSTGRES);

	private final DSLContext mariadb = DSL.using(SQLDialect.MARIADB);

	@Test
	void anUpdateSetsTheFieldsWhereTheCompositeKeyMatches() {
		FixStatement update = new FixStatement(FixStatement.Kind.UPDATE, DSL.table(DSL.name("shop", "customer")),
				List.of(NAME, ACTIVE), List.of("O'Brien", 1), List.of(ID, NO), List.of(42L, 7));
		assertThat(postgres.renderInlined(update.query(postgres))).isEqualTo(
				"update \"shop\".\"customer\" set \"full_name\" = 'O''Brien', \"active\" = true"
						+ " where (\"shop\".\"customer\".\"id\" = 42 and \"shop\".\"customer\".\"no\" = 7)");
		assertThat(mariadb.renderInlined(update.query(mariadb))).startsWith("update `shop`.`customer` set");
		assertThat(update.binds()).containsExactly("O'Brien", true, 42, 7);
		assertThat(postgres.render(update.template(postgres))).isEqualTo(
				"update \"shop\".\"customer\" set \"full_name\" = ?, \"active\" = ?"
						+ " where (\"shop\".\"customer\".\"id\" = ? and \"shop\".\"customer\".\"no\" = ?)");
	}

	@Test
	void insertAndDeleteHaveAShapeSharedByStatementsOfTheSameColumns() {
		FixStatement insert = new FixStatement(FixStatement.Kind.INSERT, DSL.table(DSL.name("shop", "customer")),
				List.of(ID, NAME), java.util.Arrays.asList(1, null), List.of(), List.of());
		FixStatement other = new FixStatement(FixStatement.Kind.INSERT, DSL.table(DSL.name("shop", "customer")),
				List.of(ID, NAME), List.of(2, "b"), List.of(), List.of());
		FixStatement delete = new FixStatement(FixStatement.Kind.DELETE, DSL.table(DSL.name("shop", "customer")),
				List.of(), List.of(), List.of(ID), List.of(5));
		assertThat(postgres.renderInlined(insert.query(postgres)))
			.isEqualTo("insert into \"shop\".\"customer\" (\"id\", \"full_name\") values (1, null)");
		assertThat(postgres.renderInlined(delete.query(postgres)))
			.isEqualTo("delete from \"shop\".\"customer\" where \"shop\".\"customer\".\"id\" = 5");
		assertThat(insert.shape()).isEqualTo(other.shape()).isNotEqualTo(delete.shape());
	}

}
