package io.tensionstreams.registry;

/**
 * An error answered by a Schema Registry, carrying the HTTP status and Confluent's {@code error_code}.
 *
 * <p>The subclasses name the codes a caller acts on; any other code arrives as this class.
 */
public class SchemaRegistryException extends RuntimeException {
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_SOFT_DELETED = 40404;
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    public static final int VERSION_SOFT_DELETED = 40406;
    public static final int VERSION_NOT_SOFT_DELETED = 40407;
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int SUBJECT_MODE_NOT_CONFIGURED = 40409;
    /** What current Confluent answers an incompatible registration with; older releases said {@link #LEGACY_INCOMPATIBLE_SCHEMA}. */
    public static final int INCOMPATIBLE_SCHEMA = 40901;
    public static final int LEGACY_INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    /** Confluent's code for a schema over the registry's size limit. */
    public static final int INVALID_MODE = 42204;
    public static final int OPERATION_NOT_PERMITTED = 42205;
    public static final int SCHEMA_TOO_LARGE = 42209;
    public static final int INTERNAL_ERROR = 50001;

    private final int httpStatus;
    private final int errorCode;
    private final String serverMessage;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message + " (HTTP " + httpStatus + ", error_code " + errorCode + ")");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.serverMessage = message;
    }

    /** The registry's {@code message}, without the status and code. */
    public String serverMessage() {
        return serverMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The exception that names {@code errorCode}, or the base class for codes without a type. */
    public static SchemaRegistryException of(int httpStatus, int errorCode, String message) {
        return switch (errorCode) {
            case SUBJECT_NOT_FOUND -> new SubjectNotFound(httpStatus, message);
            case VERSION_NOT_FOUND -> new VersionNotFound(httpStatus, message);
            case SCHEMA_NOT_FOUND -> new SchemaNotFound(httpStatus, message);
            case INCOMPATIBLE_SCHEMA, LEGACY_INCOMPATIBLE_SCHEMA -> new IncompatibleSchema(httpStatus, message);
            case INVALID_SCHEMA -> new InvalidSchema(httpStatus, message);
            default -> new SchemaRegistryException(httpStatus, errorCode, message);
        };
    }

    /** 40401: the subject has never been registered. */
    public static final class SubjectNotFound extends SchemaRegistryException {
        public SubjectNotFound(int httpStatus, String message) {
            super(httpStatus, SUBJECT_NOT_FOUND, message);
        }
    }

    /** 40402: the subject exists but not that version. */
    public static final class VersionNotFound extends SchemaRegistryException {
        public VersionNotFound(int httpStatus, String message) {
            super(httpStatus, VERSION_NOT_FOUND, message);
        }
    }

    /** 40403: no schema has that id, or the schema is not registered under the subject. */
    public static final class SchemaNotFound extends SchemaRegistryException {
        public SchemaNotFound(int httpStatus, String message) {
            super(httpStatus, SCHEMA_NOT_FOUND, message);
        }
    }

    /** 409: the schema breaks the subject's compatibility level. */
    public static final class IncompatibleSchema extends SchemaRegistryException {
        public IncompatibleSchema(int httpStatus, String message) {
            super(httpStatus, INCOMPATIBLE_SCHEMA, message);
        }
    }

    /** 42201: the schema text does not parse as Avro. */
    public static final class InvalidSchema extends SchemaRegistryException {
        public InvalidSchema(int httpStatus, String message) {
            super(httpStatus, INVALID_SCHEMA, message);
        }
    }
}
