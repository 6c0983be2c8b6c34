package dev.parity.core.mapping;

import java.util.function.Supplier;

import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;

/**
 * The source's and the target's {@link Catalog} of the current run: the pre-run validation, the
 * schema check and every job step that resolves table pairs share one read of each database's catalog.
 * Each job forgets them when it ends ({@link #forget()}), so the next run reads the live schemas again.
 * The databases are opened only when a catalog is first needed.
 */
public class Catalogs {

	private final Supplier<SourceDatabase> sourceDatabase;

	private final Supplier<TargetDatabase> targetDatabase;

	private Catalog source;

	private Catalog target;

	private int forgottenReads;

	public Catalogs(Supplier<SourceDatabase> sourceDatabase, Supplier<TargetDatabase> targetDatabase) {
		this.sourceDatabase = sourceDatabase;
		this.targetDatabase = targetDatabase;
	}

	public synchronized Catalog source() {
		if (source == null) {
			source = new Catalog(sourceDatabase.get());
		}
		return source;
	}

	public synchronized Catalog target() {
		if (target == null) {
			target = new Catalog(targetDatabase.get());
		}
		return target;
	}

	/** Drops both snapshots: the next lookup reads the live catalog again. */
	public synchronized void forget() {
		forgottenReads += reads(source) + reads(target);
		source = null;
		target = null;
	}

	/** Schema reads since this object was made, both databases together (for tests and diagnostics). */
	public synchronized int reads() {
		return forgottenReads + reads(source) + reads(target);
	}

	private static int reads(Catalog catalog) {
		return catalog == null ? 0 : catalog.reads();
	}

}
