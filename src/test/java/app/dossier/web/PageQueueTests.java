package app.dossier.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageQueueTests {

	private final PageQueue queue = new PageQueue(2,
			new Streams(() -> List.of(PathPatternParser.defaultInstance.parse("/api/v1/documents/{id}/content"))));

	@AfterEach
	void stop() {
		this.queue.destroy();
	}

	@Test
	void aPageIsServedOnAPageThreadWhileItsRequestThreadWaits() throws Exception {
		AtomicReference<Thread> servedOn = new AtomicReference<>();
		Thread request = Thread.ofVirtual().start(() -> serve("/portal/files", (req, res) -> {
			servedOn.set(Thread.currentThread());
			res.getWriter().write("page");
		}));
		request.join();
		assertThat(servedOn.get()).isNotSameAs(request);
		assertThat(servedOn.get().getName()).startsWith("page-");
		assertThat(servedOn.get().isVirtual()).isFalse();
	}

	@Test
	void aDownloadIsServedOnItsOwnRequestThread() throws Exception {
		AtomicReference<Thread> servedOn = new AtomicReference<>();
		Thread request = Thread.ofVirtual()
			.start(() -> serve("/api/v1/documents/7/content", (req, res) -> servedOn.set(Thread.currentThread())));
		request.join();
		assertThat(servedOn.get()).isSameAs(request);
	}

	@Test
	void aPageThatFailsFailsItsRequestWithTheSameException() {
		IOException gone = new IOException("the client went away");
		ServletException broken = new ServletException("broken");
		IllegalStateException wrong = new IllegalStateException("wrong");
		assertThatThrownBy(() -> this.queue.doFilter(new MockHttpServletRequest("GET", "/portal"),
				new MockHttpServletResponse(), (req, res) -> {
					throw gone;
				}))
			.isSameAs(gone);
		assertThatThrownBy(() -> this.queue.doFilter(new MockHttpServletRequest("GET", "/portal"),
				new MockHttpServletResponse(), (req, res) -> {
					throw broken;
				}))
			.isSameAs(broken);
		assertThatThrownBy(() -> this.queue.doFilter(new MockHttpServletRequest("GET", "/portal"),
				new MockHttpServletResponse(), (req, res) -> {
					throw wrong;
				}))
			.isSameAs(wrong);
	}

	@Test
	void anInterruptedRequestThreadStillWaitsForItsPageAndKeepsTheInterrupt() throws Exception {
		AtomicReference<Boolean> finished = new AtomicReference<>(false);
		AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
		Thread request = Thread.ofVirtual().start(() -> {
			Thread.currentThread().interrupt();
			serve("/portal", (req, res) -> {
				sleep(100);
				finished.set(true);
			});
			interruptedAfter.set(Thread.currentThread().isInterrupted() && finished.get());
		});
		request.join();
		assertThat(interruptedAfter.get()).isTrue();
	}

	private void serve(String path, FilterChain chain) {
		try {
			this.queue.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), chain);
		}
		catch (IOException | ServletException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
