package app.dossier.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsTests {

	private final Streams streams = new Streams(
			() -> List.of(PathPatternParser.defaultInstance.parse("/api/v1/documents/{id}/content")));

	@Test
	void everyRequestWithABodyStreamsHoweverSmall() {
		assertThat(this.streams.streams(post("/api/v1/clients/1/documents", 1024L * 1024 * 1024 * 5))).isTrue();
		assertThat(this.streams.streams(post("/portal/login", 120))).isTrue();
		assertThat(this.streams.streams(post("/api/v1/settings", 1))).isTrue();
	}

	@Test
	void requestsWithoutABodyAreServedAsPages() {
		assertThat(this.streams.streams(post("/l/abc/leave", 0))).isFalse();
		assertThat(this.streams.streams(post("/api/v1/documents/1/content", -1))).isFalse();
		assertThat(this.streams.streams(new MockHttpServletRequest("DELETE", "/api/v1/documents/1"))).isFalse();
	}

	@Test
	void aBodyOfUnknownLengthStreams() {
		MockHttpServletRequest chunked = new MockHttpServletRequest("PATCH", "/api/v1/uploads/abc");
		chunked.addHeader("Transfer-Encoding", "chunked");
		assertThat(this.streams.streams(chunked)).isTrue();
	}

	@Test
	void aGetOfADownloadStreamsAndOtherGetsAreServedAsPages() {
		assertThat(this.streams.streams(new MockHttpServletRequest("GET", "/api/v1/documents/42/content"))).isTrue();
		assertThat(this.streams.streams(new MockHttpServletRequest("GET", "/api/v1/documents/42"))).isFalse();
		assertThat(this.streams.streams(new MockHttpServletRequest("GET", "/api/v1/clients/1/documents"))).isFalse();
		assertThat(this.streams.streams(new MockHttpServletRequest("HEAD", "/api/v1/documents/42/content"))).isFalse();
	}

	@Test
	void aDownloadUnderAContextPathStreams() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dossier/api/v1/documents/42/content");
		request.setContextPath("/dossier");
		assertThat(this.streams.streams(request)).isTrue();
	}

	private static MockHttpServletRequest post(String path, long length) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {

			@Override
			public long getContentLengthLong() {
				return length;
			}

		};
		return request;
	}

}
