package io.openprofile.server.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/** Fails a test when a response breaks the contract, without checking the request that caused it. */
final class ResponseValidationFilter implements Filter {

    private final OpenApiInteractionValidator validator;

    private ResponseValidationFilter(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    static ResponseValidationFilter of(OpenApiInteractionValidator validator) {
        return new ResponseValidationFilter(validator);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        ValidationReport report = validator.validateResponse(path,
                Request.Method.valueOf(request.getMethod()), RestAssuredResponse.of(response));
        if (report.hasErrors()) {
            throw new AssertionError("response of " + request.getMethod() + " " + path
                    + " breaks the contract:\n" + report);
        }
        return response;
    }
}
