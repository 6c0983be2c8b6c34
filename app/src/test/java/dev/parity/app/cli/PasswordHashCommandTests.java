package dev.parity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import dev.parity.core.config.ParityConfigLoader;
import dev.parity.core.config.UserRole;

/**
 * {@code ./parity password-hash}: the password comes from standard input (never an argument); the
 * printed {@code {bcrypt}} hash matches it, not another, and is accepted by parity.yml's validation.
 */
class PasswordHashCommandTests {

	@TempDir
	Path dir;

	@AfterEach
	void restore() {
		PasswordHashCommand.input = System.in;
	}

	@Test
	void printsABcryptHashOfTheFirstLineOfStandardInput() throws Exception {
		CliRun run = withInput("correct horse battery staple\nignored\n", "password-hash", "--stdin", "--strength", "10");
		assertThat(run.exitCode()).isZero();
		String hash = run.out().strip();
		assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain("correct horse");
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
		assertThat(bcrypt.matches("correct horse battery staple", hash.substring("{bcrypt}".length()))).isTrue();
		assertThat(bcrypt.matches("correct horse battery", hash.substring("{bcrypt}".length()))).isFalse();

		Path config = dir.resolve("parity.yml");
		Files.writeString(config, """
				parity:
				  source: { url: "jdbc:h2:mem:a" }
				  target: { url: "jdbc:h2:mem:b" }
				  tables: [ { name: customers } ]
				  users:
				    - { name: alice, password: "%s", roles: [operator] }
				""".formatted(hash));
		assertThat(ParityConfigLoader.load(config).users()).singleElement().satisfies((u) -> {
			assertThat(u.has(UserRole.OPERATOR)).isTrue();
			assertThat(u.has(UserRole.APPROVER)).isFalse();
		});
	}

	@Test
	void anEmptyPasswordOrABadStrengthIsRefused() {
		CliRun empty = withInput("\n", "password-hash", "--stdin");
		assertThat(empty.exitCode()).isEqualTo(2);
		assertThat(empty.err().strip()).isEqualTo("error: password-hash: the password is empty");
		CliRun weak = withInput("x\n", "password-hash", "--stdin", "--strength", "4");
		assertThat(weak.exitCode()).isEqualTo(2);
		assertThat(weak.err().strip()).isEqualTo("error: password-hash: --strength must be between 10 and 16, not 4");
		assertThat(empty.out() + weak.out()).isEmpty();
	}

	private static CliRun withInput(String input, String... args) {
		InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
		PasswordHashCommand.input = in;
		return CliRun.of(args);
	}

}
