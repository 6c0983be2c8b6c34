package dev.parity.core.connect;

/** A statement other than a read was about to be sent to the source; it was not sent. */
public class SourceWriteRejectedException extends RuntimeException {

	SourceWriteRejectedException(String sql, String reason) {
		super("refused to run a statement on the source database because " + reason
				+ "; Parity never modifies the source: " + abbreviate(sql));
	}

	private static String abbreviate(String sql) {
		String flat = sql == null ? "" : sql.replaceAll("\\s+", " ").trim();
		return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
	}

}
