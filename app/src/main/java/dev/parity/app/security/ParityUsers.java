package dev.parity.app.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.UserRole;
import dev.parity.core.config.UserSettings;

/**
 * The console's users, from {@code parity.users}: the bcrypt hash as stored (with or without the
 * {@code {bcrypt}} prefix) and one {@code ROLE_} authority per role, VIEWER always included.
 */
final class ParityUsers {

	static final String BCRYPT_PREFIX = "{bcrypt}";

	private ParityUsers() {
	}

	static InMemoryUserDetailsManager of(ParityConfig config) {
		List<UserDetails> users = new ArrayList<>();
		for (UserSettings user : config.users()) {
			users.add(User.withUsername(user.name())
				.password(hash(user.password()))
				.authorities(authorities(user).toArray(String[]::new))
				.build());
		}
		return new InMemoryUserDetailsManager(users);
	}

	static Set<String> authorities(UserSettings user) {
		Set<String> authorities = new LinkedHashSet<>();
		for (UserRole role : UserRole.values()) {
			if (user.has(role)) {
				authorities.add(CurrentUser.ROLE_PREFIX + role.name());
			}
		}
		return authorities;
	}

	private static String hash(String stored) {
		return stored.startsWith(BCRYPT_PREFIX) ? stored.substring(BCRYPT_PREFIX.length()) : stored;
	}

}
