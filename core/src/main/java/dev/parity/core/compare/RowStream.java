package dev.parity.core.compare;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jooq.Record;

import dev.parity.core.connect.Database;

/**
 * One side's rows of a partition, in binary key order, read ahead on a thread of their own into a
 * small bounded queue, so that both databases stream while Parity compares. Memory stays bounded:
 * at most {@code (depth + 1) * batch} rows are held, whatever the table's size.
 */
public final class RowStream implements Iterator<Object[]>, AutoCloseable {

	private static final List<Object[]> END = new ArrayList<>();

	private final BlockingQueue<List<Object[]>> queue;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Thread producer;

	private volatile RuntimeException failure;

	private Iterator<Object[]> current = List.<Object[]>of().iterator();

	private boolean finished;

	private long rowsRead;

	public RowStream(Database database, org.jooq.ResultQuery<Record> query, dev.parity.core.connect.ValueReader[] types, int fetchSize,
			String name) {
		this.queue = new ArrayBlockingQueue<>(4);
		int batch = Math.max(1, Math.min(fetchSize, 2_000));
		Database.Streamed streamed = database.stream(query, types, fetchSize);
		this.producer = Thread.ofPlatform().daemon(true).name("parity-stream-" + name).start(() -> produce(streamed, batch));
	}

	private void produce(Database.Streamed streamed, int batch) {
		try (streamed) {
			List<Object[]> rows = new ArrayList<>(batch);
			for (Object[] row = streamed.next(); row != null; row = streamed.next()) {
				if (closed.get()) {
					return;
				}
				rows.add(row);
				if (rows.size() == batch) {
					put(rows);
					rows = new ArrayList<>(batch);
				}
			}
			if (!rows.isEmpty()) {
				put(rows);
			}
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			try {
				while (!closed.get() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
					// wait for the consumer to make room, or to close
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void put(List<Object[]> rows) throws InterruptedException {
		while (!closed.get()) {
			if (queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
				return;
			}
		}
	}

	@Override
	public boolean hasNext() {
		while (!current.hasNext() && !finished) {
			try {
				List<Object[]> next = queue.take();
				if (next == END) {
					finished = true;
					if (failure != null) {
						throw failure;
					}
				}
				else {
					current = next.iterator();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while streaming rows", ex);
			}
		}
		return current.hasNext();
	}

	@Override
	public Object[] next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		rowsRead++;
		return current.next();
	}

	public long rowsRead() {
		return rowsRead;
	}

	@Override
	public void close() {
		closed.set(true);
		queue.clear();
		try {
			producer.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
