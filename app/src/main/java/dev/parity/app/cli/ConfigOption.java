package dev.parity.app.cli;

import java.nio.file.Path;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.ParityConfigLoader;
import picocli.CommandLine.Option;

/** {@code --config F}, default {@code ./parity.yml}; loading it is validation pass one. */
class ConfigOption {

	@Option(names = "--config", paramLabel = "FILE", defaultValue = "parity.yml",
			description = "Configuration file (default: ./parity.yml).")
	Path file;

	ParityConfig load() {
		return ParityConfigLoader.load(file);
	}

}
