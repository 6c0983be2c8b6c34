package dev.parity.core.reconcile;

/**
 * Called as a chunk of fixes passes each durable step, so that tests can stop a run exactly there (a
 * crash) and prove that nothing is lost. Production uses {@link #NONE}.
 */
@FunctionalInterface
public interface FixCheckpoint {

	FixCheckpoint NONE = (stage) -> {
	};

	/** The durable steps of a chunk, in order. */
	enum Stage {

		/** The intents are committed in the control database; the target is unchanged. */
		INTENT_RECORDED,
		/** The target transaction is committed; the confirmations and audit rows are not yet written. */
		TARGET_COMMITTED,
		/** Confirmations and audit rows are committed. */
		CONFIRMED

	}

	/** May throw to simulate a crash at {@code stage}. */
	void reached(Stage stage);

}
