package app.dossier.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TakingTurnsTests {

	private final FilterRegistrationBean<Filter> registration = new TakingTurns()
		.takingTurnsFilter(new PageThreadSettings(0));

	@Test
	void everyRequestOfAKeptAliveConnectionIsServedOnceOnVirtualAndPlatformThreads() throws Exception {
		for (Thread.Builder threads : List.of(Thread.ofVirtual(), Thread.ofPlatform())) {
			AtomicInteger served = new AtomicInteger();
			List<Throwable> failures = new ArrayList<>();
			FilterChain chain = (request, response) -> served.incrementAndGet();
			Thread connection = threads.start(() -> {
				try {
					for (int i = 0; i < 5; i++) {
						this.registration.getFilter()
							.doFilter(new MockHttpServletRequest("GET", "/portal"), new MockHttpServletResponse(),
									chain);
					}
				}
				catch (Exception ex) {
					failures.add(ex);
				}
			});
			connection.join();
			assertThat(failures).isEmpty();
			assertThat(served).hasValue(5);
		}
	}

	@Test
	void itRunsBeforeAnyOtherFilterOnRequestsOnly() {
		assertThat(this.registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
		assertThat(this.registration.determineDispatcherTypes()).containsExactly(DispatcherType.REQUEST);
	}

}
