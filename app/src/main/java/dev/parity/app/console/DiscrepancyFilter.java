package dev.parity.app.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.parity.core.repository.DiscrepancyPage;
import dev.parity.core.repository.DiscrepancyQuery;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.repository.DiscrepancyType;

/**
 * The discrepancy filter as request parameters (page and API alike), every one optional:
 * {@code ?table=customers&type=FIELD_MISMATCH&status=OPEN&critical=true&from=2026-11-01&to=2026-11-30&sort=LAST_SEEN}.
 * Dates are UTC days, inclusive, on {@code lastSeen}. A value that does not parse is one clear sentence
 * ({@link IllegalArgumentException}).
 */
public record DiscrepancyFilter(String table, String type, String status, String critical, String from, String to,
		String sort) {

	public DiscrepancyQuery query() {
		return new DiscrepancyQuery(blank(table) ? null : table, parse(DiscrepancyType.class, "type", type),
				parse(DiscrepancyStatus.class, "status", status), criticalFlag(), day("from", from, 0), day("to", to, 1));
	}

	public DiscrepancyPage.Sort order() {
		DiscrepancyPage.Sort order = parse(DiscrepancyPage.Sort.class, "sort", sort);
		return order == null ? DiscrepancyPage.Sort.NEWEST : order;
	}

	/** The filter as a query string (without {@code ?}), for links to other pages of the same set. */
	public String queryString() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("table", table);
		values.put("type", type);
		values.put("status", status);
		values.put("critical", critical);
		values.put("from", from);
		values.put("to", to);
		values.put("sort", sort);
		return values.entrySet()
			.stream()
			.filter((e) -> !blank(e.getValue()))
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private Boolean criticalFlag() {
		if (blank(critical)) {
			return null;
		}
		return switch (critical.toLowerCase(Locale.ROOT)) {
			case "true", "yes" -> true;
			case "false", "no" -> false;
			default -> throw new IllegalArgumentException("critical must be true or false, not '" + critical + "'");
		};
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(name + " must be one of " + Arrays.toString(type.getEnumConstants())
					+ ", not '" + value + "'");
		}
	}

	private static java.time.Instant day(String name, String value, int plusDays) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(name + " must be a date such as 2026-11-23, not '" + value + "'");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
