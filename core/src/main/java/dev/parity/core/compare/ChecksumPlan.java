package dev.parity.core.compare;

import java.util.ArrayList;
import java.util.List;

import org.jooq.Field;

import dev.parity.core.canonical.ColumnKind;
import dev.parity.core.canonical.ColumnRule;
import dev.parity.core.canonical.CompareOptions;
import dev.parity.core.dialect.ComparisonDialect;
import dev.parity.core.mapping.ColumnPair;

/**
 * How a table pair is checksummed: the {@link ComparePlan} of the diff, the rule of every hashed
 * column in row order ({@code [key..., compared columns...]}; keys at the coarser side's precision),
 * and whether both engines can compute the canonical row text in SQL. When either cannot for some
 * column, {@code fallback} says which and why, and the table is hashed in Parity by streaming both
 * sides — never silently treated as a match.
 *
 * @param compare the diff's plan (key order, compared columns, lag column)
 * @param rules the rule of each hashed column, keys first
 * @param fallback null when both databases hash in SQL, else why Parity hashes this table itself
 */
public record ChecksumPlan(ComparePlan compare, List<ColumnRule> rules, String fallback) {

	public static ChecksumPlan of(ComparePlan compare, ComparisonDialect source, ComparisonDialect target) {
		List<ColumnRule> rules = new ArrayList<>();
		List<String> names = new ArrayList<>();
		var pair = compare.pair();
		for (int i = 0; i < compare.keySize(); i++) {
			rules.add(ColumnRule.of(pair.sourceKey().get(i).getDataType(), pair.targetKey().get(i).getDataType(),
					CompareOptions.DEFAULTS));
			names.add(pair.targetKey().get(i).getName());
		}
		rules.addAll(compare.rules());
		pair.columns().stream().map(ColumnPair::name).forEach(names::add);
		List<String> unsupported = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			List<String> engines = new ArrayList<>();
			if (source.canonicalText(field(compare, true, i), rules.get(i)).isEmpty()) {
				engines.add(source.name());
			}
			if (target.canonicalText(field(compare, false, i), rules.get(i)).isEmpty()) {
				engines.add(target.name());
			}
			if (!engines.isEmpty()) {
				unsupported.add(names.get(i) + " (" + describe(rules.get(i)) + " on " + String.join(" and ",
						engines.stream().distinct().toList()) + ")");
			}
		}
		String fallback = unsupported.isEmpty() ? null
				: "no SQL canonical text for " + String.join(", ", unsupported) + "; hashed in Parity (streaming)";
		return new ChecksumPlan(compare, List.copyOf(rules), fallback);
	}

	/** Whether both databases compute the aggregate in SQL. */
	public boolean sql() {
		return fallback == null;
	}

	/** The hashed column {@code i} (row order) of one side: a key column, a column or a source expression. */
	static Field<?> field(ComparePlan plan, boolean source, int i) {
		if (i < plan.keySize()) {
			return plan.keyFields(source).get(i);
		}
		ColumnPair column = plan.pair().columns().get(i - plan.keySize());
		return source ? column.source() : column.target();
	}

	private static String describe(ColumnRule rule) {
		CompareOptions o = rule.options();
		if (o.trim() || o.ignoreCase() || o.nfc()) {
			return "compare option " + (o.nfc() ? "nfc" : o.trim() ? "trim" : "ignore-case");
		}
		if (o.tolerance() != null) {
			return "a tolerance";
		}
		return rule.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

	/** Kinds whose canonical text may hold any character: prefixed by their UTF-8 length in the row text. */
	static boolean prefixed(ColumnKind kind) {
		return kind == ColumnKind.STRING || kind == ColumnKind.CHAR || kind == ColumnKind.UUID || kind == ColumnKind.OTHER;
	}

}
