package dev.parity.core.connect;

/** The three connections of {@code parity.yml}. */
public enum Role {

	SOURCE, TARGET, CONTROL;

	/** {@code source}, as in config paths and messages. */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
