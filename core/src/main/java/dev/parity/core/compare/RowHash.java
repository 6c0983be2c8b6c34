package dev.parity.core.compare;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;

import dev.parity.core.canonical.ColumnRule;

/**
 * The canonical row text and row hash of the checksum, in Java; each dialect computes the same in SQL
 * ({@code ComparisonDialect#rowHash}), and the type matrix proves them equal byte for byte.
 *
 * <p>Row text: the canonical text of every hashed column, keys first, joined by {@code |}; SQL NULL
 * is {@code -}; texts (strings, CHAR, UUIDs) are prefixed by their length in UTF-8 bytes and a colon,
 * so no value can shift into its neighbour. Example: key {@code 7}, name {@code 'Zoë'}, a NULL
 * amount: {@code 7|4:Zoë|-}. Row hash: the first 60 bits of the MD5 of the text's UTF-8 bytes, as a
 * non-negative long (so a sum over billions of rows stays exact as a decimal).
 */
public final class RowHash {

	private RowHash() {
	}

	/** The row text of {@code row} (layout {@code [key..., compared columns...]}, extra trailing values ignored). */
	public static String text(List<ColumnRule> rules, Object[] row) {
		StringBuilder text = new StringBuilder(64);
		for (int i = 0; i < rules.size(); i++) {
			if (i > 0) {
				text.append('|');
			}
			if (row[i] == null) {
				text.append('-');
				continue;
			}
			ColumnRule rule = rules.get(i);
			String canonical = rule.canonical(row[i]);
			if (ChecksumPlan.prefixed(rule.kind())) {
				text.append(canonical.getBytes(StandardCharsets.UTF_8).length).append(':');
			}
			text.append(canonical);
		}
		return text.toString();
	}

	/** The first 60 bits of the MD5 of the text's UTF-8 bytes. */
	public static long hash(String text) {
		return ByteBuffer.wrap(DigestUtils.md5(text.getBytes(StandardCharsets.UTF_8))).getLong() >>> 4;
	}

}
