package dev.parity.app.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the console's templates print values ({@code ${@fmt.time(x)}}): times in UTC to the second,
 * rates as percentages, JSON rows indented.
 */
@Component("fmt")
public class Formats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public String time(Instant at) {
		return at == null ? "-" : TIME.format(at);
	}

	/** A fraction as a percentage with four decimals: 0.9995 → {@code 99.9500 %}. */
	public String percent(Double fraction) {
		return fraction == null ? "-" : String.format(Locale.ROOT, "%.4f %%", fraction * 100);
	}

	public String count(Long value) {
		return value == null ? "-" : String.format(Locale.ROOT, "%,d", value);
	}

	/** Seconds as a person reads them: {@code 42 s}, {@code 30 min}, {@code 2 h 5 min}. */
	public String lag(Long seconds) {
		if (seconds == null) {
			return "-";
		}
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return seconds / 60 + " min";
		}
		return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
	}

	/** JSON text indented for reading; text that is not JSON as it is. */
	public String json(String text) {
		if (text == null) {
			return "";
		}
		try {
			JsonNode node = JSON.readTree(text);
			return JSON.writeValueAsString(node);
		}
		catch (RuntimeException ex) {
			return text;
		}
	}

	/** A key as a person reads it: {@code id=42, region=EU}; the whole table when null. */
	public String key(java.util.Map<String, String> key) {
		if (key == null) {
			return "the whole table";
		}
		return key.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
	}

	/** A key stored as JSON ({@code {"id":"42"}}) as {@link #key} prints it; other text as it is. */
	public String keyJson(String json) {
		if (json == null) {
			return "-";
		}
		try {
			java.util.Map<String, String> key = new java.util.LinkedHashMap<>();
			JSON.readTree(json).properties().forEach((e) -> key.put(e.getKey(), e.getValue().asString()));
			return key(key);
		}
		catch (RuntimeException ex) {
			return json;
		}
	}

	/**
	 * One side of a discrepancy: its value, or what its absence means ({@code (no row)} on the side that
	 * lacks the row, {@code NULL} for a NULL value).
	 */
	public String side(dev.parity.core.repository.Discrepancy d, boolean source) {
		String value = source ? d.source() : d.target();
		if (value != null) {
			return value;
		}
		boolean noRow = source ? d.type() == dev.parity.core.repository.DiscrepancyType.EXTRA_IN_TARGET
				: d.type() == dev.parity.core.repository.DiscrepancyType.MISSING_IN_TARGET;
		return noRow ? "(no row)" : "NULL";
	}

	public String bytes(long bytes) {
		return bytes < 1024 ? bytes + " B" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
	}

}
