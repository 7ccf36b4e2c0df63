package org.terastal.io.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.terastal.domain.DomainException;

/**
 * Validates each JSON shape right after Jackson builds it, by building its domain object. A
 * failure is thrown as a {@link DomainProblem} located at the start of the offending object;
 * Jackson then prefixes the field path as the failure travels up through the enclosing objects.
 */
final class ValidatingDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    ValidatingDeserializer(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new ValidatingDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        Object value = super.deserialize(p, ctxt);
        if (value instanceof JsonInputs.Checked checked) {
            try {
                checked.toDomain();
            } catch (DomainException e) {
                throw new DomainProblem(p, e, start);
            }
        }
        return value;
    }

    /** A domain validation failure, located in the file. */
    static final class DomainProblem extends JsonMappingException {
        private static final long serialVersionUID = 1L;
        private final DomainException domainCause;

        DomainProblem(JsonParser p, DomainException cause, JsonLocation location) {
            super(p, cause.getMessage(), location);
            this.domainCause = cause;
        }

        DomainException domainCause() {
            return domainCause;
        }
    }

    /** Jackson module that wraps the deserializer of every {@link JsonInputs.Checked} shape. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("terastal-validation");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription desc,
                                                          JsonDeserializer<?> deserializer) {
                return JsonInputs.Checked.class.isAssignableFrom(desc.getBeanClass())
                        ? new ValidatingDeserializer(deserializer) : deserializer;
            }
        });
        return module;
    }
}
