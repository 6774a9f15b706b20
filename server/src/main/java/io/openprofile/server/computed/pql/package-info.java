/**
 * The expression language of computed attributes: a subset of Adobe's Profile Query Language (PQL) that
 * aggregates a person's experience events into one profile value. {@link io.openprofile.server.computed.pql.Pql}
 * compiles an expression into a {@link io.openprofile.server.computed.pql.CompiledExpression}, which evaluates it
 * over a list of events for a given now, or hands out its filter, time window and
 * {@link io.openprofile.server.computed.pql.Aggregator} so that an engine can keep mergeable partial states per time
 * bucket. Plain Java: no server, clock or database.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * expression   = "xEvent" [ "[" condition "]" ] call { call } ;
 * call         = "." identifier "(" [ argument { "," argument } ] ")" ;
 * argument     = object | operand ;
 * object       = "{" [ entry { "," entry } ] "}" ;
 * entry        = string ":" operand ;
 *
 * condition    = conjunction { "or" conjunction } ;
 * conjunction  = negation { "and" negation } ;
 * negation     = "not" negation | primary ;
 * primary      = "(" condition ")" | predicate ;
 * predicate    = path "occurs" operator integer unit "before" "now"
 *              | path "." identifier "(" [ argument { "," argument } ] ")"
 *              | operand operator operand ;
 * operator     = "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ;
 * unit         = "hour" | "hours" | "day" | "days" | "week" | "weeks" | "month" | "months" ;
 *
 * operand      = path | literal ;
 * path         = identifier { "." identifier } ;
 * literal      = string | integer | decimal | "true" | "false" ;
 *
 * identifier   = letter_ { letter_ | digit } ;          (* letter_ is A-Z, a-z or _ *)
 * integer      = [ "-" ] digit { digit } ;
 * decimal      = integer "." digit { digit } ;
 * string       = '"' { character | escape } '"'
 *              | '“' { character | escape } '”' ;     (* typographic quotes, see below *)
 * escape       = "\" ( '"' | "\" | "/" | "b" | "f" | "n" | "r" | "t" | "u" hex hex hex hex ) ;
 * </pre>
 *
 * <p>Whitespace may separate any two tokens. Positions in errors count characters from 1.
 *
 * <h2>What the checker accepts on top of the grammar</h2>
 *
 * <ul>
 *   <li>The call chain is one of {@code .count()}, {@code .sum(path)}, {@code .min(path)}, {@code .max(path)} or
 *       {@code .topN(timestamp, 1).map({"timestamp": timestamp, "value": path}).head()}, the most recent value
 *       in the form of Adobe's computed-attribute API examples. Adobe's most recent example filters with
 *       {@code eventType.equals("commerce.backofficeOrderPlaced", false)}, so conditions accept the PQL string
 *       tests {@code equals}, {@code notEqualTo}, {@code startsWith}, {@code doesNotStartWith}, {@code endsWith},
 *       {@code doesNotEndWith}, {@code contains} and {@code doesNotContain}, with a string literal and an
 *       optional case-sensitivity boolean (default true).</li>
 *   <li>{@code occurs} takes a count of 1 or more. Other PQL units (minutes, years and so on) and other
 *       {@code occurs} forms ({@code occurs last month}, {@code between}, {@code after}) are rejected.</li>
 *   <li>The filter is optional: {@code xEvent.count()} aggregates every event, as PQL applies array functions to
 *       {@code xEvent} directly. Empty brackets, {@code xEvent[].count()}, are a syntax error, because no Adobe
 *       example writes them.</li>
 * </ul>
 *
 * <h2>Case</h2>
 *
 * The keywords {@code and}, {@code or}, {@code not}, {@code true}, {@code false}, {@code occurs}, {@code before},
 * {@code now} and the unit names match in any case, as SQL keywords do, which PQL's own syntax resembles. Adobe's
 * examples write them in lower case. {@code xEvent}, function names and field paths are case sensitive, because XDM
 * field names are, and Adobe writes function names in camel case ({@code topN}). A keyword cannot start a path but
 * may follow a dot, so {@code _tenant.not} is a field.
 *
 * <h2>Quotes</h2>
 *
 * Strings may be delimited by the typographic quotes “ and ” as well as by straight double quotes. Adobe's rendered
 * sample-expression page shows {@code eventType=“download”}, and an expression pasted from it should mean what it
 * shows. Single quotes and a lone ” are errors.
 */
package io.openprofile.server.computed.pql;
