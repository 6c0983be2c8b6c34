package dev.parity.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain, aligned text table for terminals and logs; long cells are cut with an ellipsis. */
final class TextTable {

	private static final int MAX_CELL = 48;

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	TextTable(String... header) {
		this.header = List.of(header);
	}

	TextTable row(Object... cells) {
		List<String> row = new ArrayList<>();
		for (Object cell : cells) {
			String text = cell == null ? "" : String.valueOf(cell).replaceAll("\\s+", " ");
			row.add(text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text);
		}
		rows.add(row);
		return this;
	}

	boolean isEmpty() {
		return rows.isEmpty();
	}

	void print(PrintWriter out) {
		int[] widths = new int[header.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = header.get(i).length();
			for (List<String> row : rows) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		line(out, header, widths);
		StringBuilder rule = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
		}
		out.println(rule);
		rows.forEach((row) -> line(out, row, widths));
		out.flush();
	}

	private static void line(PrintWriter out, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			line.append(i == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[i] - cell.length()));
		}
		out.println(line.toString().stripTrailing());
	}

}
