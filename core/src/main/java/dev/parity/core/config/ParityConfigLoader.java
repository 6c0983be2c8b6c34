package dev.parity.core.config;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code parity.yml} into a {@link ParityConfig}: validation pass one (the file itself).
 *
 * <p>Walks the YAML node tree against the configuration records, so that every problem is found in
 * one pass and reported with its config path and line: unknown keys (with the keys allowed there),
 * wrong types, missing required values, an empty key list, duplicate table names. Placeholders
 * {@code ${NAME}} and {@code ${NAME:default}} are replaced by environment variables; the value of a
 * password is never part of a message.
 */
public final class ParityConfigLoader {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

	private final UnaryOperator<String> environment;

	private final List<ConfigProblem> problems = new ArrayList<>();

	public ParityConfigLoader(UnaryOperator<String> environment) {
		this.environment = environment;
	}

	/** Loads with the process environment. */
	public static ParityConfig load(Path file) {
		return new ParityConfigLoader(System::getenv).read(file);
	}

	/**
	 * Reads and binds the file.
	 * @throws ConfigException listing every problem, when there is at least one
	 */
	public ParityConfig read(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0,
					"configuration file not found (pass --config FILE, or run ./parity demo to see an example)")));
		}
		catch (IOException ex) {
			throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, "cannot be read: " + ex.getMessage())));
		}
		return parse(new java.io.StringReader(text), file.toString());
	}

	ParityConfig parse(Reader reader, String fileName) {
		Node root;
		try {
			root = new Yaml(new LoaderOptions()).compose(reader);
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() == null ? 0 : ex.getProblemMark().getLine() + 1;
			throw new ConfigException(List.of(new ConfigProblem(fileName, line, "is not valid YAML: " + ex.getProblem())));
		}
		catch (YAMLException ex) {
			throw new ConfigException(List.of(new ConfigProblem(fileName, 0, "is not valid YAML: " + ex.getMessage())));
		}
		if (!(root instanceof MappingNode mapping)) {
			throw new ConfigException(List.of(new ConfigProblem(fileName, 0, "must be a YAML mapping with a 'parity:' root")));
		}
		Map<String, Node> top = entries(mapping, "", Set.of("parity"));
		ParityConfig config = null;
		if (!top.containsKey("parity")) {
			problems.add(new ConfigProblem("parity", line(root), "is required (the root key of parity.yml)"));
		}
		else {
			config = (ParityConfig) bind(top.get("parity"), ParityConfig.class, "parity");
		}
		if (config != null) {
			checkSemantics(config);
		}
		if (!problems.isEmpty()) {
			// In file order; problems that span keys (line 0) last.
			problems.sort(java.util.Comparator.comparingInt((ConfigProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line()));
			throw new ConfigException(problems);
		}
		return config;
	}

	// Rules that one key alone cannot tell.
	private void checkSemantics(ParityConfig config) {
		if (config.tables().isEmpty() && problems.stream().noneMatch((p) -> p.path().startsWith("parity.tables"))) {
			problems.add(new ConfigProblem("parity.tables", 0, "must list at least one table pair"));
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < config.tables().size(); i++) {
			TableMapping table = config.tables().get(i);
			String path = "parity.tables[" + i + "]";
			if (table == null) {
				continue;
			}
			if (table.name() != null && !names.add(table.name())) {
				problems.add(new ConfigProblem(path + ".name", 0, "'" + table.name() + "' is used by another table pair"));
			}
			if (table.key() != null && table.key().isEmpty()) {
				problems.add(new ConfigProblem(path + ".key", 0,
						"must name at least one column (leave it out to use the target's primary key)"));
			}
			for (Map.Entry<String, String> problem : dev.parity.core.reconcile.ReconcileRules.problems(table)) {
				problems.add(new ConfigProblem(path + ".rules." + problem.getKey(), 0, problem.getValue()));
			}
			for (String column : table.ignore()) {
				if (table.columns().containsKey(column)) {
					problems.add(new ConfigProblem(path + ".ignore", 0, "'" + column + "' is both mapped under columns and ignored"));
				}
			}
		}
		checkSchedules(config);
		checkUsers(config);
		new CutoverChecks(problems).check(config.cutover());
		double variance = config.thresholds().countVariance();
		if (variance < 0 || variance > 1) {
			problems.add(new ConfigProblem("parity.thresholds.count-variance", 0,
					"must be a fraction between 0 and 1 (0.0001 = 0.01 %), not " + variance));
		}
	}

	/** A bcrypt hash as Spring Security writes it: {@code $2a$}, {@code $2b$} or {@code $2y$}, cost, 53 characters. */
	private static final java.util.regex.Pattern BCRYPT = java.util.regex.Pattern
		.compile("(\\{bcrypt})?\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

	private void checkUsers(ParityConfig config) {
		java.util.Set<String> names = new java.util.HashSet<>();
		for (int i = 0; i < config.users().size(); i++) {
			UserSettings user = config.users().get(i);
			String path = "parity.users[" + i + "]";
			if (user.name() != null && !names.add(user.name())) {
				problems.add(new ConfigProblem(path + ".name", 0, "'" + user.name() + "' is used by another user"));
			}
			if (user.password() != null && !BCRYPT.matcher(user.password()).matches()) {
				// Never echo the value: it may be a clear-text password typed by mistake.
				problems.add(new ConfigProblem(path + ".password", 0,
						"must be a bcrypt hash (print one with ./parity password-hash), never the password itself"));
			}
		}
	}

	private void checkSchedules(ParityConfig config) {
		for (Map.Entry<String, String> schedule : config.schedules().entrySet()) {
			String path = "parity.schedules." + schedule.getKey();
			if (!ParityConfig.SCHEDULABLE_JOBS.contains(schedule.getKey())) {
				problems.add(new ConfigProblem(path, 0,
						"unknown job; known jobs: " + String.join(", ", ParityConfig.SCHEDULABLE_JOBS)));
			}
			else if (schedule.getValue() == null || schedule.getValue().isBlank()) {
				problems.add(new ConfigProblem(path, 0,
						"needs a Quartz cron expression such as \"0 0 * * * ?\" (hourly); leave the key out to not schedule it"));
			}
			else {
				try {
					org.quartz.CronExpression.validateExpression(schedule.getValue());
				}
				catch (java.text.ParseException ex) {
					problems.add(new ConfigProblem(path, 0, "'" + schedule.getValue()
							+ "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year],"
							+ " e.g. \"0 0 * * * ?\"): " + ex.getMessage()));
				}
			}
		}
		try {
			java.time.ZoneId.of(config.timeZone());
		}
		catch (java.time.DateTimeException ex) {
			problems.add(new ConfigProblem("parity.time-zone", 0,
					"'" + config.timeZone() + "' is not a time zone; use an IANA name such as UTC or Europe/Berlin"));
		}
	}

	private Object bind(Node node, Type type, String path) {
		Class<?> raw = rawClass(type);
		if (isNull(node)) {
			return null;
		}
		if (raw.isRecord()) {
			return bindRecord(node, raw, path);
		}
		if (raw == List.class) {
			Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
			if (node instanceof ScalarNode && rawClass(element) == String.class) {
				return List.of(bind(node, element, path + "[0]"));
			}
			if (!(node instanceof SequenceNode sequence)) {
				return mistyped(node, path, "a list");
			}
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < sequence.getValue().size(); i++) {
				Object value = bind(sequence.getValue().get(i), element, path + "[" + i + "]");
				if (value == null && !isNull(sequence.getValue().get(i))) {
					continue; // already reported
				}
				if (value == null) {
					problems.add(new ConfigProblem(path + "[" + i + "]", line(sequence.getValue().get(i)), "must not be empty"));
					continue;
				}
				list.add(value);
			}
			return list;
		}
		if (raw == Map.class) {
			Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
			if (!(node instanceof MappingNode mapping)) {
				return mistyped(node, path, "a mapping of name: value");
			}
			Map<String, Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, Node> entry : entries(mapping, path, null).entrySet()) {
				map.put(entry.getKey(), bind(entry.getValue(), value, path + "." + entry.getKey()));
			}
			return map;
		}
		if (!(node instanceof ScalarNode scalar)) {
			return mistyped(node, path, describe(raw));
		}
		String text = resolve(scalar.getValue(), path, node);
		if (text == null) {
			return null;
		}
		return convert(text, raw, path, node);
	}

	private Object bindRecord(Node node, Class<?> type, String path) {
		if (!(node instanceof MappingNode mapping)) {
			return mistyped(node, path, "a mapping");
		}
		RecordComponent[] components = type.getRecordComponents();
		Map<String, RecordComponent> byKey = new LinkedHashMap<>();
		for (RecordComponent component : components) {
			byKey.put(kebab(component.getName()), component);
		}
		Map<String, Node> entries = entries(mapping, path, byKey.keySet());
		Object[] args = new Object[components.length];
		boolean complete = true;
		int before = problems.size();
		for (int i = 0; i < components.length; i++) {
			RecordComponent component = components[i];
			String key = kebab(component.getName());
			String childPath = path + "." + key;
			Node child = entries.get(key);
			if (child == null || isNull(child)) {
				if (component.isAnnotationPresent(Required.class)) {
					problems.add(new ConfigProblem(childPath, line(child == null ? node : child), "is required"));
					complete = false;
				}
				args[i] = component.getType() == boolean.class ? Boolean.FALSE : null;
				continue;
			}
			args[i] = bind(child, component.getGenericType(), childPath);
			if (args[i] == null && component.getType() == boolean.class) {
				args[i] = Boolean.FALSE;
			}
		}
		if (!complete || problems.size() > before) {
			// Construct anyway where possible so later checks see the rest of the file.
			return tryConstruct(type, components, args, path, node, true);
		}
		return tryConstruct(type, components, args, path, node, false);
	}

	private Object tryConstruct(Class<?> type, RecordComponent[] components, Object[] args, String path, Node node,
			boolean quiet) {
		try {
			Constructor<?> constructor = type.getDeclaredConstructor(
					Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			return constructor.newInstance(args);
		}
		catch (InvocationTargetException ex) {
			if (!quiet) {
				problems.add(new ConfigProblem(path, line(node), String.valueOf(ex.getCause().getMessage())));
			}
			return null;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("configuration record " + type.getName() + " cannot be constructed", ex);
		}
	}

	private Map<String, Node> entries(MappingNode mapping, String path, Set<String> allowed) {
		Map<String, Node> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String prefix = path.isEmpty() ? "" : path + ".";
			if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
				problems.add(new ConfigProblem(path, line(tuple.getKeyNode()), "keys must be plain names"));
				continue;
			}
			String key = allowed == null ? keyNode.getValue() : kebab(keyNode.getValue());
			if (allowed != null && !allowed.contains(key)) {
				problems.add(new ConfigProblem(prefix + keyNode.getValue(), line(keyNode),
						"unknown key; allowed here: " + String.join(", ", allowed)));
				continue;
			}
			if (entries.containsKey(key)) {
				problems.add(new ConfigProblem(prefix + keyNode.getValue(), line(keyNode), "is given twice"));
				continue;
			}
			entries.put(key, tuple.getValueNode());
		}
		return entries;
	}

	private String resolve(String value, String path, Node node) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		StringBuilder resolved = new StringBuilder();
		boolean missing = false;
		while (matcher.find()) {
			String replacement = environment.apply(matcher.group(1));
			if (replacement == null) {
				replacement = matcher.group(2);
			}
			if (replacement == null) {
				problems.add(new ConfigProblem(path, line(node),
						"environment variable " + matcher.group(1) + " is not set"));
				missing = true;
				replacement = "";
			}
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(resolved);
		return missing ? null : resolved.toString();
	}

	private Object convert(String text, Class<?> type, String path, Node node) {
		String trimmed = text.trim();
		try {
			if (type == String.class) {
				return text;
			}
			if (type == Boolean.class || type == boolean.class) {
				if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
					return Boolean.parseBoolean(trimmed);
				}
				return invalid(path, node, text, "true or false");
			}
			if (type == Integer.class || type == int.class) {
				return Integer.valueOf(trimmed);
			}
			if (type == Long.class || type == long.class) {
				return Long.valueOf(trimmed);
			}
			if (type == Double.class || type == double.class) {
				return Double.valueOf(trimmed);
			}
			if (type == java.math.BigDecimal.class) {
				return new java.math.BigDecimal(trimmed);
			}
			if (type == Duration.class) {
				return duration(trimmed);
			}
			if (type == java.time.ZoneId.class) {
				try {
					return java.time.ZoneId.of(trimmed);
				}
				catch (java.time.DateTimeException ex) {
					return invalid(path, node, text, "an IANA time zone name such as UTC or Europe/Berlin");
				}
			}
			if (type.isEnum()) {
				for (Object constant : type.getEnumConstants()) {
					if (((Enum<?>) constant).name().equalsIgnoreCase(trimmed.replace('-', '_'))) {
						return constant;
					}
				}
				return invalid(path, node, text, "one of " + Arrays.stream(type.getEnumConstants())
					.map((c) -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
					.collect(Collectors.joining(", ")));
			}
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return invalid(path, node, text, describe(type));
		}
		throw new IllegalStateException("unsupported configuration type " + type);
	}

	/** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT5M}). */
	public static Duration duration(String text) {
		Matcher matcher = DURATION.matcher(text);
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		return Duration.parse(text);
	}

	private Object invalid(String path, Node node, String text, String expected) {
		boolean secret = path.endsWith(".password");
		problems.add(new ConfigProblem(path, line(node),
				"expected " + expected + (secret ? "" : ", found '" + text + "'")));
		return null;
	}

	private Object mistyped(Node node, String path, String expected) {
		String found = node instanceof MappingNode ? "a mapping" : node instanceof SequenceNode ? "a list" : "a single value";
		problems.add(new ConfigProblem(path, line(node), "expected " + expected + ", found " + found));
		return null;
	}

	private static String describe(Class<?> type) {
		if (type == Duration.class) {
			return "a duration such as 500ms, 30s, 5m, 2h or 1d";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		return "a text value";
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode scalar && (Tag.NULL.equals(scalar.getTag()));
	}

	private static int line(Node node) {
		return node == null ? 0 : node.getStartMark().getLine() + 1;
	}

	private static Class<?> rawClass(Type type) {
		return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
	}

	/** {@code lagWindow} and {@code lag-window} both become {@code lag-window}. */
	static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
