package dev.parity.core.cutover;

import java.util.EnumSet;
import java.util.Set;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.UserRole;

/**
 * Who acts on the cutover, through which channel, with which roles.
 *
 * @param via {@code cli} or {@code console}
 * @param name the user's name
 * @param roles what the user may do
 */
public record Actor(String via, String name, Set<UserRole> roles) {

	public Actor {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	public boolean has(UserRole role) {
		return roles.contains(role);
	}

	/** How the audit log names the actor: {@code cli:alice}. */
	public String label() {
		return via + ":" + name;
	}

	/**
	 * The actor of a shell command. With {@code parity.users} configured, {@code name} must be one of
	 * them and brings its roles; without users the shell is trusted as an OPERATOR (never an approver:
	 * FULL then needs users configured).
	 * @throws CutoverRefusedException when users are configured and {@code name} is none of them
	 */
	public static Actor ofShell(ParityConfig config, String name) {
		if (config.users().isEmpty()) {
			return new Actor("cli", name, Set.of(UserRole.OPERATOR));
		}
		return config.user(name)
			.map((u) -> new Actor("cli", name, Set.copyOf(u.roles())))
			.orElseThrow(() -> new CutoverRefusedException("'" + name + "' is not a user of parity.users; pass --by NAME"
					+ " with a configured user"));
	}

}
