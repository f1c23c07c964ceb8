import Testing

@testable import SQLGen

/// `pg_dump --schema-only` output works as a schema file.
@Suite struct PgDumpSchemaTests {
    static let dump = #"""
        --
        -- PostgreSQL database dump
        --

        \restrict 4hG2
        SET statement_timeout = 0;
        SET client_encoding = 'UTF8';
        SELECT pg_catalog.set_config('search_path', '', false);
        SET default_tablespace = '';
        SET default_table_access_method = heap;

        CREATE TYPE public.role AS ENUM (
            'depositor',
            'banker'
        );

        ALTER TYPE public.role OWNER TO root;

        --
        -- Name: accounts; Type: TABLE; Schema: public; Owner: root
        --

        CREATE TABLE public.accounts (
            id bigint NOT NULL,
            owner character varying NOT NULL,
            balance bigint NOT NULL,
            created_at timestamp with time zone DEFAULT now() NOT NULL,
            role public.role DEFAULT 'depositor'::public.role NOT NULL,
            tags text[]
        );

        ALTER TABLE public.accounts OWNER TO root;

        COMMENT ON COLUMN public.accounts.balance IS 'in cents';

        CREATE SEQUENCE public.accounts_id_seq
            START WITH 1
            INCREMENT BY 1
            NO MINVALUE
            NO MAXVALUE
            CACHE 1;

        ALTER TABLE public.accounts_id_seq OWNER TO root;
        ALTER SEQUENCE public.accounts_id_seq OWNED BY public.accounts.id;
        ALTER TABLE ONLY public.accounts ALTER COLUMN id SET DEFAULT nextval('public.accounts_id_seq'::regclass);
        ALTER TABLE ONLY public.accounts
            ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
        CREATE INDEX accounts_owner_idx ON public.accounts USING btree (owner);
        ALTER TABLE ONLY public.accounts
            ADD CONSTRAINT accounts_owner_fkey FOREIGN KEY (owner) REFERENCES public.accounts(owner);
        GRANT ALL ON SCHEMA public TO PUBLIC;

        \unrestrict 4hG2
        """#

    @Test func buildsTheCatalogFromADump() throws {
        let (catalog, diagnostics) = buildCatalog(Self.dump)
        #expect(diagnostics == [])
        let accounts = try #require(catalog.table("accounts"))
        #expect(accounts.columns.map(\.name) == ["id", "owner", "balance", "created_at", "role", "tags"])
        #expect(accounts.column("id")?.hasDefault == true)
        #expect(accounts.column("id")?.isNotNull == true)
        #expect(accounts.column("owner")?.type == .characterVarying)
        #expect(accounts.column("created_at")?.type == .timestamptz)
        #expect(accounts.column("role")?.type == SQLType(name: "role", schema: "public"))
        #expect(accounts.column("tags")?.type == SQLType.text.array)
        #expect(accounts.column("tags")?.isNotNull == false)
        #expect(accounts.column("balance")?.comment == "in cents")
        // The dump's "Name: …; Type: TABLE" banner is separated by a blank line: not a doc comment.
        #expect(accounts.comment == nil)
        #expect(catalog.enumType("role")?.values == ["depositor", "banker"])
    }
}
