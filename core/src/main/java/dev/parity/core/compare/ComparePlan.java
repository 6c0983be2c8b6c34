package dev.parity.core.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Field;

import dev.parity.core.canonical.ColumnKind;
import dev.parity.core.canonical.ColumnRule;
import dev.parity.core.canonical.KeyCodec;
import dev.parity.core.canonical.KeyOrder;
import dev.parity.core.mapping.ColumnPair;
import dev.parity.core.mapping.TablePair;

/**
 * How a resolved table pair is compared: the kind of each key column (which fixes the merge order),
 * the rule of each compared column, and the layout of streamed rows:
 * {@code [key..., compared columns..., updated-column?]} on both sides.
 */
public record ComparePlan(TablePair pair, List<ColumnKind> keyKinds, List<ColumnRule> rules, KeyOrder order) {

	public static ComparePlan of(TablePair pair) {
		List<ColumnKind> keyKinds = new ArrayList<>();
		for (int i = 0; i < pair.sourceKey().size(); i++) {
			keyKinds.add(ColumnRule.key(pair.sourceKey().get(i).getDataType(), pair.targetKey().get(i).getDataType())
				.kind());
		}
		List<ColumnRule> rules = new ArrayList<>();
		List<String> targetColumns = java.util.Arrays.stream(pair.target().fields()).map(Field::getName).toList();
		for (ColumnPair column : pair.columns()) {
			rules.add(ColumnRule.of(column.source().getDataType(), column.target().getDataType(),
					pair.mapping().compareOptions(column.name(), targetColumns)));
		}
		return new ComparePlan(pair, List.copyOf(keyKinds), List.copyOf(rules), new KeyOrder(keyKinds));
	}

	public int keySize() {
		return keyKinds.size();
	}

	public int columnCount() {
		return rules.size();
	}

	/** Index of the updated-column value in a row, or -1. */
	public int updatedIndex() {
		return pair.lagAware() ? keySize() + columnCount() : -1;
	}

	public Object[] key(Object[] row) {
		return java.util.Arrays.copyOf(row, keySize());
	}

	/** The key as the discrepancy JSON shows it: target key column name to canonical text. */
	public Map<String, String> keyText(Object[] key) {
		Map<String, String> text = new LinkedHashMap<>();
		for (int i = 0; i < keySize(); i++) {
			text.put(pair.targetKey().get(i).getName(), KeyCodec.text(keyKinds.get(i), key[i]));
		}
		return text;
	}

	/** The key values to bind for a key text (the inverse of {@link #keyText}). */
	public Object[] parseKey(Map<String, String> text) {
		Object[] key = new Object[keySize()];
		for (int i = 0; i < keySize(); i++) {
			key[i] = KeyCodec.parse(keyKinds.get(i), text.get(pair.targetKey().get(i).getName()));
		}
		return key;
	}

	/** Key columns of one side, in key order. */
	public List<Field<?>> keyFields(boolean source) {
		return source ? pair.sourceKey() : pair.targetKey();
	}

}
