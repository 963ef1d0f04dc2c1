package app.dossier.web;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.expression.StandardBeanExpressionResolver;

/**
 * Plain values are not run through SpEL. Spring MVC evaluates the name (and default) of
 * every {@code @RequestParam}, {@code @PathVariable} and {@code @RequestHeader} as a bean
 * expression on every request, and the resolver's cache of evaluation contexts keys them
 * all under one hash (the bean factory's), so all but one of those look-ups lock a hash
 * bin. Under load a virtual thread that finds such a lock held is unmounted and runs
 * again only after the requests queued before it, one of the ways a request came to wait
 * for seconds (docs/benchmarks.md). A value without {@code #{} evaluates to itself, so
 * the result is the same.
 */
@Configuration(proxyBeanMethods = false)
class LiteralArguments {

	@Bean
	static BeanFactoryPostProcessor literalArgumentsFirst() {
		return (beanFactory) -> beanFactory
			.setBeanExpressionResolver(new LiteralsFirst(beanFactory.getBeanClassLoader()));
	}

	static final class LiteralsFirst extends StandardBeanExpressionResolver {

		LiteralsFirst(@Nullable ClassLoader classLoader) {
			super(classLoader);
		}

		@Override
		public @Nullable Object evaluate(@Nullable String value, BeanExpressionContext context) {
			if (value == null || !value.contains(DEFAULT_EXPRESSION_PREFIX)) {
				return value;
			}
			return super.evaluate(value, context);
		}

	}

}
