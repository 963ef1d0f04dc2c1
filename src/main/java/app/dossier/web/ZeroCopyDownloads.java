package app.dossier.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Whole files from the disk leave through the operating system's {@code sendfile}, as
 * nginx serves them: Tomcat copies them from the page cache to the socket without passing
 * them through the JVM. Headers (length, type, disposition, ETag) are Spring's as before;
 * byte ranges and files on other platforms are streamed by Spring as before.
 */
@Configuration(proxyBeanMethods = false)
class ZeroCopyDownloads implements WebMvcConfigurer {

	static final String SUPPORTED = "org.apache.tomcat.sendfile.support";

	static final String FILENAME = "org.apache.tomcat.sendfile.filename";

	static final String START = "org.apache.tomcat.sendfile.start";

	static final String END = "org.apache.tomcat.sendfile.end";

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		converters.add(0, new SendfileConverter());
	}

	/**
	 * Hands a whole file on the disk to Tomcat's sendfile when the connector offers it.
	 */
	static final class SendfileConverter extends ResourceHttpMessageConverter {

		@Override
		protected void writeContent(Resource resource, HttpOutputMessage output) throws IOException {
			HttpServletRequest request = currentRequest();
			if (resource instanceof FileSystemResource file && request != null
					&& Boolean.TRUE.equals(request.getAttribute(SUPPORTED)) && !"HEAD".equals(request.getMethod())) {
				// Set before the response is committed: Tomcat reads these when it
				// commits, discards anything written to the body, and sends the file
				// after the request's processing ends.
				request.setAttribute(FILENAME, file.getFile().getAbsolutePath());
				request.setAttribute(START, 0L);
				request.setAttribute(END, file.contentLength());
				return;
			}
			super.writeContent(resource, output);
		}

		private static @Nullable HttpServletRequest currentRequest() {
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
		}

	}

}
