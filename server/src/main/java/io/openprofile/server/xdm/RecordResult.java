package io.openprofile.server.xdm;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Outcome of reading one value out of a record: either the value or the errors that prevented it.
 *
 * @param <T> type of the value
 */
public final class RecordResult<T> {

    private final T value;
    private final List<RecordError> errors;

    private RecordResult(T value, List<RecordError> errors) {
        this.value = value;
        this.errors = errors;
    }

    /** Creates a successful result. */
    public static <T> RecordResult<T> valid(T value) {
        return new RecordResult<>(Objects.requireNonNull(value, "value"), List.of());
    }

    /** Creates a failed result; {@code errors} must not be empty. */
    public static <T> RecordResult<T> invalid(List<RecordError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs at least one error");
        }
        return new RecordResult<>(null, List.copyOf(errors));
    }

    /** Creates a failed result with one error. */
    public static <T> RecordResult<T> invalid(RecordError error) {
        return invalid(List.of(error));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /**
     * Returns the value.
     *
     * @throws NoSuchElementException if the result is invalid
     */
    public T value() {
        if (!isValid()) {
            throw new NoSuchElementException("result is invalid: " + errors);
        }
        return value;
    }

    /** Returns the errors, empty when the result is valid. */
    public List<RecordError> errors() {
        return errors;
    }

    @Override
    public String toString() {
        return isValid() ? "RecordResult[valid " + value + "]" : "RecordResult[invalid " + errors + "]";
    }
}
