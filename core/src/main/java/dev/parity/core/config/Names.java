package dev.parity.core.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a name in {@code parity.yml} (a table, a key, a column under {@code columns}, {@code ignore},
 * {@code ignore-source} or {@code compare}) finds what it names: an exact match wins; a case-insensitive
 * match is used only when it is the only candidate; two or more case-insensitive candidates and no exact
 * one is an ambiguous name, a configuration error naming them.
 *
 * <p>Example: with target columns {@code OrderTotal} and {@code ordertotal}, {@code ordertotal} names the
 * second, {@code OrderTotal} the first and {@code ORDERTOTAL} is ambiguous; with only {@code CUSTOMERS}
 * (H2 folds unquoted names), {@code customers} finds it.
 */
public final class Names {

	private Names() {
	}

	/** The candidate {@code name} names, or empty when none or several (see {@link #ambiguous}). */
	public static <T> Optional<T> pick(Collection<T> candidates, String name, Function<T, String> nameOf) {
		Optional<T> exact = candidates.stream().filter((c) -> nameOf.apply(c).equals(name)).findFirst();
		if (exact.isPresent()) {
			return exact;
		}
		List<T> folded = folded(candidates, name, nameOf);
		return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
	}

	/**
	 * The names of the candidates {@code name} matches except for case when it matches no candidate
	 * exactly and more than one that way; empty otherwise.
	 */
	public static <T> List<String> ambiguous(Collection<T> candidates, String name, Function<T, String> nameOf) {
		if (candidates.stream().anyMatch((c) -> nameOf.apply(c).equals(name))) {
			return List.of();
		}
		List<String> folded = folded(candidates, name, nameOf).stream().map(nameOf).toList();
		return folded.size() > 1 ? folded : List.of();
	}

	/** Whether configured {@code name} names {@code actual} among {@code all} (which holds it). */
	public static boolean names(String name, String actual, Collection<String> all) {
		return pick(all, name, Function.identity()).map(actual::equals).orElse(false);
	}

	private static <T> List<T> folded(Collection<T> candidates, String name, Function<T, String> nameOf) {
		String lower = name.toLowerCase(Locale.ROOT);
		return candidates.stream().filter((c) -> nameOf.apply(c).toLowerCase(Locale.ROOT).equals(lower)).toList();
	}

}
