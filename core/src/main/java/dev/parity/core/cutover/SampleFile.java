package dev.parity.core.cutover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recorded series of samples, for {@code ./parity cutover drill --samples FILE} — the same shape as
 * {@code POST /api/metrics}. Two formats, told apart by the first character:
 *
 * <pre>
 * time,signal,value                      # CSV, header required; one sample a line
 * 2026-11-23T10:00:00Z,error-rate,0.004  # rates as fractions (0.004 = 0.4 %)
 * 2026-11-23T10:00:00Z,response-time,212 # p95 in milliseconds
 *
 * [{"time": "2026-11-23T10:00:00Z", "signal": "error-rate", "value": 0.004}]   # JSON array
 * </pre>
 */
public final class SampleFile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SampleFile() {
	}

	/** @throws IllegalArgumentException one sentence naming the file, the line or element, and what is wrong */
	public static List<Sample> read(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalArgumentException("samples file " + file + " not found");
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("samples file " + file + " cannot be read: " + ex.getMessage());
		}
		String trimmed = text.strip();
		if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
			try {
				return fromJson(JSON.readTree(trimmed), file.toString());
			}
			catch (JacksonException ex) {
				throw new IllegalArgumentException(file + " is not valid JSON: " + ex.getOriginalMessage());
			}
		}
		return fromCsv(text, file.toString());
	}

	/**
	 * Samples from JSON: one object {@code {"time", "signal", "value"}} or an array of them; a missing
	 * {@code time} is {@code now}.
	 * @throws IllegalArgumentException naming {@code where} and the element
	 */
	public static List<Sample> fromJson(JsonNode node, String where, Instant now) {
		List<Sample> samples = new ArrayList<>();
		List<JsonNode> elements = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(elements::add);
		}
		else {
			elements.add(node);
		}
		for (int i = 0; i < elements.size(); i++) {
			JsonNode e = elements.get(i);
			String at = node.isArray() ? where + "[" + i + "]" : where;
			if (!e.isObject()) {
				throw new IllegalArgumentException(at + ": expected an object {\"time\", \"signal\", \"value\"}");
			}
			JsonNode value = e.path("value");
			if (!value.isNumber()) {
				throw new IllegalArgumentException(at + ".value: expected a number");
			}
			String time = e.path("time").asString(null);
			samples.add(new Sample(signal(e.path("signal").asString(""), at + ".signal"),
					time == null && now != null ? now : instant(time, at + ".time"), value.asDouble()));
		}
		return samples;
	}

	private static List<Sample> fromJson(JsonNode node, String file) {
		return fromJson(node, file, null);
	}

	private static List<Sample> fromCsv(String text, String file) {
		List<Sample> samples = new ArrayList<>();
		String[] lines = text.split("\\R");
		boolean header = false;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String at = file + " line " + (i + 1);
			if (!header) {
				if (!line.replace(" ", "").equalsIgnoreCase("time,signal,value")) {
					throw new IllegalArgumentException(at + ": expected the header time,signal,value");
				}
				header = true;
				continue;
			}
			String[] cells = line.split(",", -1);
			if (cells.length != 3) {
				throw new IllegalArgumentException(at + ": expected time,signal,value, found " + cells.length + " fields");
			}
			double value;
			try {
				value = Double.parseDouble(cells[2].strip());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(at + ": value '" + cells[2].strip() + "' is not a number");
			}
			samples.add(new Sample(signal(cells[1], at), instant(cells[0].strip(), at), value));
		}
		return samples;
	}

	private static Signal signal(String text, String at) {
		return Signal.parse(text)
			.orElseThrow(() -> new IllegalArgumentException(at + ": unknown signal '" + text.strip() + "'; known: "
					+ Signal.keys()));
	}

	private static Instant instant(String text, String at) {
		if (text == null) {
			throw new IllegalArgumentException(at + ": a time is required (ISO-8601, e.g. 2026-11-23T10:00:00Z)");
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(at + ": '" + text + "' is not an ISO-8601 instant such as 2026-11-23T10:00:00Z");
		}
	}

}
