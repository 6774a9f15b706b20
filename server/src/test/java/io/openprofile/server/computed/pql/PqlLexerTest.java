package io.openprofile.server.computed.pql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openprofile.server.computed.pql.Token.Type;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PqlLexerTest {

    private static List<Type> types(String source) {
        return PqlLexer.tokenize(source).stream().map(Token::type).toList();
    }

    @Test
    void tokenizesFilterAndCall() {
        List<Token> tokens = PqlLexer.tokenize("xEvent[a.b >= -1.5].sum(c)");

        assertThat(tokens).extracting(Token::type).containsExactly(Type.IDENTIFIER, Type.LEFT_BRACKET,
                Type.IDENTIFIER, Type.DOT, Type.IDENTIFIER, Type.GREATER_OR_EQUAL, Type.DECIMAL, Type.RIGHT_BRACKET,
                Type.DOT, Type.IDENTIFIER, Type.LEFT_PARENTHESIS, Type.IDENTIFIER, Type.RIGHT_PARENTHESIS, Type.END);
        assertThat(tokens).extracting(Token::text).containsExactly("xEvent", "[", "a", ".", "b", ">=", "-1.5", "]",
                ".", "sum", "(", "c", ")", "end of expression");
        assertThat(tokens).extracting(Token::position).containsExactly(1, 7, 8, 9, 10, 12, 15, 19, 20, 21, 24, 25,
                26, 27);
    }

    @Test
    void tokenizesEveryOperator() {
        assertThat(types("= != < <= > >=")).containsExactly(Type.EQUAL, Type.NOT_EQUAL, Type.LESS,
                Type.LESS_OR_EQUAL, Type.GREATER, Type.GREATER_OR_EQUAL, Type.END);
    }

    @Test
    void tokenizesPunctuation() {
        assertThat(types("[](){}.,:")).containsExactly(Type.LEFT_BRACKET, Type.RIGHT_BRACKET,
                Type.LEFT_PARENTHESIS, Type.RIGHT_PARENTHESIS, Type.LEFT_BRACE, Type.RIGHT_BRACE, Type.DOT,
                Type.COMMA, Type.COLON, Type.END);
    }

    @ParameterizedTest
    @CsvSource({"0, INTEGER", "42, INTEGER", "-7, INTEGER", "10.0, DECIMAL", "-0.25, DECIMAL", "007, INTEGER"})
    void numbersKeepTheirText(String text, Type type) {
        Token token = PqlLexer.tokenize(text).get(0);

        assertThat(token.type()).isEqualTo(type);
        assertThat(token.text()).isEqualTo(text);
    }

    @Test
    void numberBeforeDotAndWordStaysInteger() {
        assertThat(types("1.x")).containsExactly(Type.INTEGER, Type.DOT, Type.IDENTIFIER, Type.END);
    }

    @Test
    void identifiersTakeUnderscoresAndDigits() {
        List<Token> tokens = PqlLexer.tokenize("_tenant.field2");

        assertThat(tokens).extracting(Token::text).containsExactly("_tenant", ".", "field2", "end of expression");
    }

    @Test
    void stringDecodesEscapes() {
        Token token = PqlLexer.tokenize("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\"").get(0);

        assertThat(token.type()).isEqualTo(Type.STRING);
        assertThat(token.value()).isEqualTo("a\"b\\c/d\n\té");
        assertThat(token.text()).isEqualTo("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\"");
    }

    @Test
    void typographicQuotesDelimitStrings() {
        Token token = PqlLexer.tokenize("\u201Cdownload\u201D").get(0);

        assertThat(token.type()).isEqualTo(Type.STRING);
        assertThat(token.value()).isEqualTo("download");
    }

    @Test
    void typographicStringMayContainStraightQuote() {
        Token token = PqlLexer.tokenize("\u201Csay \"hi\"\u201D").get(0);

        assertThat(token.value()).isEqualTo("say \"hi\"");
    }

    @Test
    void straightStringMayContainTypographicQuote() {
        Token token = PqlLexer.tokenize("\"\u201D\"").get(0);

        assertThat(token.value()).isEqualTo("\u201D");
    }

    @Test
    void mismatchedQuotesLeaveStringUnterminated() {
        assertThatThrownBy(() -> PqlLexer.tokenize("x = \u201Cdownload\""))
                .isInstanceOf(PqlException.class)
                .hasMessage("unterminated string starting at position 5; close it with \u201D");
    }

    @Test
    void whitespaceIncludesNewlines() {
        List<Token> tokens = PqlLexer.tokenize("a\n\t= 1");

        assertThat(tokens).extracting(Token::position).containsExactly(1, 4, 6, 7);
    }

    @Test
    void emptyTextGivesOnlyEnd() {
        assertThat(PqlLexer.tokenize("")).extracting(Token::type).containsExactly(Type.END);
    }

    static Stream<Arguments> malformedInput() {
        return Stream.of(
                Arguments.of("a = 'x'", 5, "unexpected character ''' at position 5; strings use double quotes"),
                Arguments.of("a == 1", 3, "'==' at position 3 is not an operator; use '='"),
                Arguments.of("! a", 1, "unexpected character '!' at position 1; use 'not'"),
                Arguments.of("a # 1", 3, "unexpected character '#' at position 3"),
                Arguments.of("a - 1", 3, "unexpected character '-' at position 3"),
                Arguments.of("\"a\\x\"", 3, "invalid escape '\\x' at position 3"),
                Arguments.of("\"\\u12g4\"", 2, "invalid escape '\\u12g4' at position 2"),
                Arguments.of("\"\\u12\"", 2, "invalid escape '\\u12\"' at position 2"),
                Arguments.of("\"abc", 1, "unterminated string starting at position 1; close it with \""));
    }

    @ParameterizedTest
    @MethodSource("malformedInput")
    void rejectsMalformedInput(String source, int position, String message) {
        assertThatThrownBy(() -> PqlLexer.tokenize(source))
                .isInstanceOf(PqlException.class)
                .hasMessageContaining(message)
                .extracting(error -> ((PqlException) error).position())
                .isEqualTo(position);
    }

    @Test
    void loneClosingTypographicQuoteIsRejected() {
        assertThatThrownBy(() -> PqlLexer.tokenize("a = \u201Dx\u201D"))
                .isInstanceOf(PqlException.class)
                .hasMessage("unexpected character '\u201D' at position 5; a string opens with \" or \u201C");
    }
}
