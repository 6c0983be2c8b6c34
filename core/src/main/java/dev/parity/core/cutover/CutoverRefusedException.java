package dev.parity.core.cutover;

/** A cutover action that was refused; the message is the one sentence to show, naming the reason. */
public class CutoverRefusedException extends RuntimeException {

	public CutoverRefusedException(String message) {
		super(message);
	}

}
