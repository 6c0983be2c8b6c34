package dev.parity.app.cli;

/** A failure whose message is already the sentence to show the user. */
class UserException extends RuntimeException {

	UserException(String message) {
		super(message);
	}

}
