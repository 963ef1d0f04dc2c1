package app.dossier.storage;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

	private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "lpt1");

	@Test
	void folderNamesAreTransliteratedToPlainAscii() {
		assertThat(FileNames.folderName("Zoë Müller & Søn GmbH")).isEqualTo("Zoe Muller Son GmbH");
		assertThat(FileNames.folderName("Ærøskøbing Bakery")).isEqualTo("AEroskobing Bakery");
		assertThat(FileNames.folderName("Москва Trading")).isEqualTo("Moskva Trading");
		assertThat(FileNames.folderName("  ..Smith,  John..  ")).isEqualTo("Smith John");
		assertThat(FileNames.folderName("!!!")).isEqualTo("client");
		assertThat(FileNames.folderName("con")).isEqualTo("_con");
		assertThat(FileNames.folderName("x".repeat(120))).hasSize(80);
	}

	@Test
	void folderCollisionsAreNumberedWithinTheLengthLimit() {
		assertThat(FileNames.numberedFolder("Jane Doe", 1)).isEqualTo("Jane Doe");
		assertThat(FileNames.numberedFolder("Jane Doe", 2)).isEqualTo("Jane Doe-2");
		assertThat(FileNames.numberedFolder("x".repeat(80), 12)).isEqualTo("x".repeat(77) + "-12");
	}

	@Test
	void fileNamesLoseTraversalControlsAndReservedNames() {
		assertThat(FileNames.fileName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.fileName("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
		assertThat(FileNames.fileName("a\u0000b.pdf")).isEqualTo("ab.pdf");
		assertThat(FileNames.fileName("CON.txt")).isEqualTo("_CON.txt");
		assertThat(FileNames.fileName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
		assertThat(FileNames.fileName("what?<>|*:.txt")).isEqualTo("what______.txt");
		assertThat(FileNames.fileName("..")).isEqualTo("file");
		assertThat(FileNames.fileName(".htaccess")).isEqualTo("htaccess");
		assertThat(FileNames.fileName("Résumé.pdf")).isEqualTo("Résumé.pdf");
	}

	@Test
	void longNamesKeepTheirExtensionAndFitInTwoHundredBytes() {
		String name = FileNames.fileName("日本語".repeat(100) + ".pdf");
		assertThat(name).endsWith(".pdf");
		assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_FILE_NAME);
		assertThat(FileNames.displayName("a".repeat(300) + ".pdf")).isEqualTo("a".repeat(251) + ".pdf");
		assertThat(FileNames.numbered("a.pdf", 3)).isEqualTo("a (3).pdf");
	}

	/** Seeded random names from a hostile alphabet: every result is safe everywhere. */
	@Test
	void anyNameBecomesASafeFileAndFolderName() {
		Random random = new Random(20261123L);
		String alphabet = "aZ09 ._-/\\:*?\"<>|\u0000\u0001\u001f\u007f\u202e\u200b\u2028é日😀";
		for (int run = 0; run < 2000; run++) {
			StringBuilder input = new StringBuilder();
			int length = random.nextInt(320);
			for (int i = 0; i < length; i++) {
				input.appendCodePoint(alphabet.codePointAt(
						alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
			}
			String file = FileNames.fileName(input.toString());
			assertThat(file).as("from %s", input).isNotEmpty().doesNotContain("/", "\\", "\u0000", "\u202e");
			assertThat(file).isNotIn(".", "..").doesNotStartWith(".").doesNotEndWith(".").doesNotEndWith(" ");
			assertThat(file.chars().noneMatch(Character::isISOControl)).isTrue();
			assertThat(file.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_FILE_NAME);
			String base = file.contains(".") ? file.substring(0, file.indexOf('.')) : file;
			assertThat(RESERVED).doesNotContain(base.toLowerCase(Locale.ROOT));
			assertThat(Character.isHighSurrogate(file.charAt(file.length() - 1))).isFalse();

			String folder = FileNames.folderName(input.toString());
			assertThat(folder).matches("[A-Za-z0-9 _.\\-]{1,80}").doesNotStartWith(".").doesNotEndWith(" ");
			assertThat(FileNames.isSafeFolderName(folder)).isTrue();
		}
	}

	@Test
	void plainFileNamesAreAsciiAndOffReservedLists() {
		assertThat(FileNames.plainFileName("desktop.ini")).isEqualTo("_desktop.ini");
		assertThat(FileNames.plainFileName("Jürgen’s Rechnung #3.pdf")).isEqualTo("_Jurgen_s Rechnung _3.pdf");
		assertThat(FileNames.plainFileName("日本.txt")).matches("_[A-Za-z0-9 ._()\\-]+");
	}

}
