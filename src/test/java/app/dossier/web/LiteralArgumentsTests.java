package app.dossier.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LiteralArgumentsTests {

	private final LiteralArguments.LiteralsFirst resolver = new LiteralArguments.LiteralsFirst(
			getClass().getClassLoader());

	private final BeanExpressionContext context = new BeanExpressionContext(new DefaultListableBeanFactory(), null);

	@Test
	void aPlainValueComesBackAsItIs() {
		String name = "limit";
		assertThat(this.resolver.evaluate(name, this.context)).isSameAs(name);
		assertThat(this.resolver.evaluate("100", this.context)).isEqualTo("100");
		assertThat(this.resolver.evaluate("", this.context)).isEqualTo("");
		assertThat(this.resolver.evaluate(null, this.context)).isNull();
		assertThat(this.resolver.evaluate("{id}", this.context)).isEqualTo("{id}");
	}

	@Test
	void anExpressionIsStillEvaluated() {
		assertThat(this.resolver.evaluate("#{6 * 7}", this.context)).isEqualTo(42);
		assertThat(this.resolver.evaluate("page #{1 + 1}", this.context)).isEqualTo("page 2");
	}

	@Test
	void theApplicationsBeansGetTheirValuesAsBefore() {
		try (AnnotationConfigApplicationContext application = new AnnotationConfigApplicationContext(
				LiteralArguments.class, Values.class)) {
			assertThat(application.getBeanFactory().getBeanExpressionResolver())
				.isInstanceOf(LiteralArguments.LiteralsFirst.class);
			assertThat(application.getBean("answer")).isEqualTo(42);
			assertThat(application.getBean("plain")).isEqualTo("as written");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Values {

		@Bean
		Integer answer(@Value("#{6 * 7}") int answer) {
			return answer;
		}

		@Bean
		String plain(@Value("as written") String plain) {
			return plain;
		}

	}

}
