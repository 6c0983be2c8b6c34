package dev.parity.core.reconcile;

/**
 * A safety valve stopped a reconcile run before it changed anything; the message is one sentence for
 * the user, naming the table, the numbers and the setting.
 */
public class ReconcileStoppedException extends RuntimeException {

	public ReconcileStoppedException(String message) {
		super(message);
	}

}
