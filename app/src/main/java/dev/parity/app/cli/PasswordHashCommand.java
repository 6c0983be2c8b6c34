package dev.parity.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./parity password-hash}: prints the bcrypt hash of a password for {@code parity.users[].password}.
 * The password is never an argument (it would stay in the shell history and the process list): it is
 * read from a prompt (twice, without echo) or, with {@code --stdin} or when there is no terminal, from
 * the first line of standard input.
 */
@Command(name = "password-hash", mixinStandardHelpOptions = true,
		description = { "Prints the bcrypt hash of a password, for parity.users[].password in parity.yml.",
				"Asks for the password twice without echo, or reads the first line of standard input",
				"(--stdin, or when there is no terminal): echo \"$PW\" | ./parity password-hash --stdin" })
class PasswordHashCommand implements Callable<Integer> {

	/** Where {@code --stdin} reads from; tests replace it. */
	static InputStream input = System.in;

	@Option(names = "--stdin", description = "Read the password from the first line of standard input.")
	boolean stdin;

	@Option(names = "--strength", defaultValue = "12", paramLabel = "N",
			description = "bcrypt cost, 10 to 16 (default: 12; each step doubles the work of a guess and of a login).")
	int strength;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		if (strength < 10 || strength > 16) {
			throw new UserException("password-hash: --strength must be between 10 and 16, not " + strength);
		}
		char[] password = read();
		try {
			if (password.length == 0) {
				throw new UserException("password-hash: the password is empty");
			}
			String hash = new BCryptPasswordEncoder(strength).encode(new String(password));
			spec.commandLine().getOut().println("{bcrypt}" + hash);
			spec.commandLine().getOut().flush();
			return ExitCodes.OK;
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	private char[] read() throws IOException {
		Console console = System.console();
		if (stdin || console == null) {
			BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
			String line = reader.readLine();
			return line == null ? new char[0] : line.toCharArray();
		}
		char[] first = console.readPassword("Password: ");
		char[] second = console.readPassword("Again: ");
		if (first == null || second == null || !Arrays.equals(first, second)) {
			throw new UserException("password-hash: the two passwords differ");
		}
		Arrays.fill(second, '\0');
		return first;
	}

}
