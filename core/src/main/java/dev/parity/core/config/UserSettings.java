package dev.parity.core.config;

import java.util.List;

/**
 * One entry of {@code parity.users}: a person (or a machine account) of the console, the REST API
 * and the cutover commands.
 *
 * <pre>
 * users:
 *   - name: alice
 *     password: "{bcrypt}$2a$10$..."   # printed by ./parity password-hash; never the clear text
 *     roles: [operator, approver]
 * </pre>
 *
 * @param name the login name, unique among the users
 * @param password the bcrypt hash of the password (with or without the {@code {bcrypt}} prefix)
 * @param roles what the user may do; every user may read (default: VIEWER only)
 */
public record UserSettings(@Required String name, @Required String password, List<UserRole> roles) {

	public UserSettings {
		roles = roles == null || roles.isEmpty() ? List.of(UserRole.VIEWER) : List.copyOf(roles);
	}

	/** Whether this user holds {@code role}; VIEWER is implied for every user. */
	public boolean has(UserRole role) {
		return role == UserRole.VIEWER || roles.contains(role);
	}

	@Override
	public String toString() {
		// The hash is not secret in the way a password is, but it is never printed either.
		return "UserSettings[name=" + name + ", roles=" + roles + "]";
	}

}
