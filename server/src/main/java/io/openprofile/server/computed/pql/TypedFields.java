package io.openprofile.server.computed.pql;

import io.openprofile.server.computed.pql.Ast.FieldPath;
import io.openprofile.server.computed.pql.Ast.Literal;
import io.openprofile.server.computed.pql.Ast.Operand;
import java.util.Optional;

/** Types of operands as the static checks see them: literal kinds and the field types of a {@link FieldTypes}. */
final class TypedFields {

    /** The event time field; the XDM ExperienceEvent class requires it and types it date-time. */
    static final String TIMESTAMP = "timestamp";

    private final FieldTypes fieldTypes;

    TypedFields(FieldTypes fieldTypes) {
        this.fieldTypes = fieldTypes;
    }

    /** Returns the schema type of a field. {@code timestamp} is date-time unless the lookup returns another type. */
    Optional<XdmType> typeOf(FieldPath field) {
        Optional<XdmType> type = fieldTypes.typeOf(field.path());
        if (type.isEmpty() && field.path().equals(TIMESTAMP)) {
            return Optional.of(XdmType.DATE_TIME);
        }
        return type;
    }

    /** Returns the kind of a literal, or of a field whose type is known. */
    Optional<ValueKind> kindOf(Operand operand) {
        if (operand instanceof Literal literal) {
            return Optional.of(literal.kind());
        }
        return typeOf((FieldPath) operand).map(XdmType::kind);
    }

    /** Returns "the field x at position 8 is a string in the schema" for a field whose type is known. */
    String describeTyped(FieldPath field) {
        return field.describe() + " is " + typeOf(field).map(XdmType::describe).orElse("of unknown type")
                + " in the schema";
    }
}
