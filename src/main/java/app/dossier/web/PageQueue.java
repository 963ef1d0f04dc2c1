package app.dossier.web;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * Pages and API calls wait their turn in one queue and run, in the order they came, on a
 * few platform threads; requests that stream ({@link Streams}) go on on the request's own
 * virtual thread. Tomcat gives every request a virtual thread, and the virtual threads'
 * scheduler takes waiting work from several queues, not in arrival order: under full load
 * most answers came in a few milliseconds and some waited ten times as long
 * (docs/benchmarks.md). Here the virtual thread only parses the request, hands it over
 * and waits, so what remains on the scheduler is short; the work itself is served first
 * come, first served. A streaming request is never queued: it would hold a pool thread
 * for as long as a phone takes to send or receive its bytes.
 */
final class PageQueue implements Filter {

	private final Streams streams;

	private final ExecutorService pool;

	PageQueue(int threads, Streams streams) {
		this.streams = streams;
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
				Thread.ofPlatform().name("page-", 1).daemon().factory());
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest http) || this.streams.streams(http)) {
			chain.doFilter(request, response);
			return;
		}
		// Tomcat sets the web application's class loader on its request threads;
		// code that looks classes up by it must find the same ones on the page thread.
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		Future<?> page = this.pool.submit(() -> {
			Thread worker = Thread.currentThread();
			ClassLoader own = worker.getContextClassLoader();
			worker.setContextClassLoader(loader);
			try {
				chain.doFilter(request, response);
				return null;
			}
			finally {
				worker.setContextClassLoader(own);
			}
		});
		rethrow(outcome(page));
	}

	/**
	 * Waits for the page to be served, through interrupts: the request is still in use
	 * until then.
	 */
	private static @Nullable Throwable outcome(Future<?> page) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					page.get();
					return null;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					return ex.getCause();
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void rethrow(@Nullable Throwable failure) throws IOException, ServletException {
		switch (failure) {
			case null -> {
			}
			case IOException ex -> throw ex;
			case ServletException ex -> throw ex;
			case RuntimeException ex -> throw ex;
			case Error ex -> throw ex;
			default -> throw new ServletException(failure);
		}
	}

	/**
	 * Tomcat destroys its filters once the graceful shutdown has let every request
	 * finish.
	 */
	@Override
	public void destroy() {
		this.pool.shutdown();
	}

}
