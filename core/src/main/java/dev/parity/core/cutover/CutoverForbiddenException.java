package dev.parity.core.cutover;

/** A cutover action refused because the actor lacks the role it needs (OPERATOR, APPROVER). */
public class CutoverForbiddenException extends CutoverRefusedException {

	public CutoverForbiddenException(String message) {
		super(message);
	}

}
