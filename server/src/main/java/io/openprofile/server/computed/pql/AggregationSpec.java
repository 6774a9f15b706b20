package io.openprofile.server.computed.pql;

import io.openprofile.server.computed.pql.Ast.FieldPath;
import java.util.Optional;

/**
 * The checked aggregation of an expression.
 *
 * @param field the aggregated field, empty for {@code count()}
 * @param fieldType the field's schema type when known
 * @param returnType the XDM type of the result
 * @param temporal for min and max, whether values are compared as times instead of numbers
 */
record AggregationSpec(AggregationKind kind, Optional<FieldPath> field, Optional<XdmType> fieldType,
        XdmType returnType, boolean temporal) {
}
