package app.dossier.web;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Which requests stream: those whose bytes come or go at the pace of the other end. Every
 * request with a body (uploads and tus, and forms and JSON too: a client that sends even
 * a small body slowly would hold a page thread for as long as it liked), and a
 * {@code GET} of any handler that answers with a {@link Resource} (downloads, previews).
 * "Download all" archives are not among them: Spring MVC writes their
 * {@code StreamingResponseBody} on its task executor's virtual threads already.
 */
final class Streams {

	private final Supplier<List<PathPattern>> findDownloads;

	private volatile @Nullable List<PathPattern> downloads;

	/**
	 * The handlers are looked up on the first request, once every controller is mapped.
	 */
	Streams(Supplier<List<PathPattern>> findDownloads) {
		this.findDownloads = findDownloads;
	}

	boolean streams(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		if (length > 0 || (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null)) {
			return true;
		}
		if (!RequestMethod.GET.name().equals(request.getMethod())) {
			return false;
		}
		PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
			.pathWithinApplication();
		for (PathPattern download : downloads()) {
			if (download.matches(path)) {
				return true;
			}
		}
		return false;
	}

	private List<PathPattern> downloads() {
		List<PathPattern> found = this.downloads;
		if (found == null) {
			found = this.findDownloads.get();
			this.downloads = found;
		}
		return found;
	}

	/** The {@code GET} paths of every handler that answers with a {@link Resource}. */
	static List<PathPattern> downloadsOf(RequestMappingHandlerMapping mapping) {
		return mapping.getHandlerMethods()
			.entrySet()
			.stream()
			.filter((handler) -> answersWithResource(handler.getValue()))
			.filter((handler) -> {
				Set<RequestMethod> methods = handler.getKey().getMethodsCondition().getMethods();
				return methods.isEmpty() || methods.contains(RequestMethod.GET);
			})
			.flatMap((handler) -> (handler.getKey().getPathPatternsCondition() != null)
					? handler.getKey().getPathPatternsCondition().getPatterns().stream() : Stream.empty())
			.toList();
	}

	static boolean answersWithResource(HandlerMethod handler) {
		ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
		if (HttpEntity.class.isAssignableFrom(type.toClass())) {
			type = type.as(HttpEntity.class).getGeneric(0);
		}
		return Resource.class.isAssignableFrom(type.toClass());
	}

}
