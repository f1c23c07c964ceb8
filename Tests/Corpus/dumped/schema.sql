--
-- PostgreSQL database dump
--

-- Dumped from database version 15.6 (Debian 15.6-1.pgdg120+2)
-- Dumped by pg_dump version 15.6 (Debian 15.6-1.pgdg120+2)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: activity_kind; Type: TYPE; Schema: public; Owner: app
--

CREATE TYPE public.activity_kind AS ENUM (
    'call',
    'email',
    'meeting',
    'task'
);


ALTER TYPE public.activity_kind OWNER TO app;

--
-- Name: deal_stage; Type: TYPE; Schema: public; Owner: app
--

CREATE TYPE public.deal_stage AS ENUM (
    'lead',
    'qualified',
    'proposal',
    'negotiation',
    'won',
    'lost'
);


ALTER TYPE public.deal_stage OWNER TO app;

--
-- Name: touch_updated_at(); Type: FUNCTION; Schema: public; Owner: app
--

CREATE FUNCTION public.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;


ALTER FUNCTION public.touch_updated_at() OWNER TO app;

--
-- Name: deal_stage_changed(); Type: FUNCTION; Schema: public; Owner: app
--

CREATE FUNCTION public.deal_stage_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.stage IS DISTINCT FROM OLD.stage THEN
        NEW.stage_changed_at := now();
        IF NEW.stage IN ('won', 'lost') THEN
            NEW.closed_at := now();
        END IF;
    END IF;
    RETURN NEW;
END;
$$;


ALTER FUNCTION public.deal_stage_changed() OWNER TO app;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: activities; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.activities (
    id bigint NOT NULL,
    kind public.activity_kind NOT NULL,
    subject text NOT NULL,
    due_at timestamp with time zone,
    done_at timestamp with time zone,
    owner_id integer NOT NULL,
    contact_id bigint,
    deal_id bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.activities OWNER TO app;

--
-- Name: activities_id_seq; Type: SEQUENCE; Schema: public; Owner: app
--

CREATE SEQUENCE public.activities_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.activities_id_seq OWNER TO app;

--
-- Name: activities_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app
--

ALTER SEQUENCE public.activities_id_seq OWNED BY public.activities.id;


--
-- Name: companies; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.companies (
    id bigint NOT NULL,
    name character varying(200) NOT NULL,
    domain character varying(255),
    industry text,
    employee_count integer,
    annual_revenue numeric(14,2),
    owner_id integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT companies_employee_count_check CHECK ((employee_count >= 0))
);


ALTER TABLE public.companies OWNER TO app;

--
-- Name: TABLE companies; Type: COMMENT; Schema: public; Owner: app
--

COMMENT ON TABLE public.companies IS 'Organisations we sell to.';


--
-- Name: COLUMN companies.domain; Type: COMMENT; Schema: public; Owner: app
--

COMMENT ON COLUMN public.companies.domain IS 'Web domain, lower case, without scheme.';


--
-- Name: companies_id_seq; Type: SEQUENCE; Schema: public; Owner: app
--

CREATE SEQUENCE public.companies_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.companies_id_seq OWNER TO app;

--
-- Name: companies_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app
--

ALTER SEQUENCE public.companies_id_seq OWNED BY public.companies.id;


--
-- Name: contacts; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.contacts (
    id bigint NOT NULL,
    company_id bigint,
    first_name character varying(100) NOT NULL,
    last_name character varying(100) NOT NULL,
    email character varying(255),
    phone character varying(50),
    title text,
    owner_id integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.contacts OWNER TO app;

--
-- Name: contacts_id_seq; Type: SEQUENCE; Schema: public; Owner: app
--

CREATE SEQUENCE public.contacts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.contacts_id_seq OWNER TO app;

--
-- Name: contacts_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app
--

ALTER SEQUENCE public.contacts_id_seq OWNED BY public.contacts.id;


--
-- Name: deals; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.deals (
    id bigint NOT NULL,
    company_id bigint NOT NULL,
    primary_contact_id bigint,
    title text NOT NULL,
    stage public.deal_stage DEFAULT 'lead'::public.deal_stage NOT NULL,
    amount numeric(14,2) DEFAULT 0 NOT NULL,
    currency character(3) DEFAULT 'USD'::bpchar NOT NULL,
    probability smallint,
    owner_id integer NOT NULL,
    expected_close date,
    stage_changed_at timestamp with time zone DEFAULT now() NOT NULL,
    closed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT deals_amount_check CHECK ((amount >= (0)::numeric)),
    CONSTRAINT deals_probability_check CHECK (((probability >= 0) AND (probability <= 100)))
);


ALTER TABLE public.deals OWNER TO app;

--
-- Name: COLUMN deals.probability; Type: COMMENT; Schema: public; Owner: app
--

COMMENT ON COLUMN public.deals.probability IS 'Win probability in percent; NULL means use the stage default.';


--
-- Name: deals_id_seq; Type: SEQUENCE; Schema: public; Owner: app
--

CREATE SEQUENCE public.deals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.deals_id_seq OWNER TO app;

--
-- Name: deals_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app
--

ALTER SEQUENCE public.deals_id_seq OWNED BY public.deals.id;


--
-- Name: notes; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.notes (
    id bigint NOT NULL,
    author_id integer NOT NULL,
    company_id bigint,
    contact_id bigint,
    deal_id bigint,
    body text NOT NULL,
    pinned boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notes_target_check CHECK ((num_nonnulls(company_id, contact_id, deal_id) = 1))
);


ALTER TABLE public.notes OWNER TO app;

--
-- Name: notes_id_seq; Type: SEQUENCE; Schema: public; Owner: app
--

CREATE SEQUENCE public.notes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.notes_id_seq OWNER TO app;

--
-- Name: notes_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app
--

ALTER SEQUENCE public.notes_id_seq OWNED BY public.notes.id;


--
-- Name: open_pipeline; Type: VIEW; Schema: public; Owner: app
--

CREATE VIEW public.open_pipeline AS
 SELECT d.id,
    d.title,
    d.stage,
    d.amount,
    d.currency,
    d.owner_id,
    c.name AS company_name,
    d.expected_close,
    ((d.amount * (COALESCE((d.probability)::integer,
        CASE d.stage
            WHEN 'lead'::public.deal_stage THEN 10
            WHEN 'qualified'::public.deal_stage THEN 25
            WHEN 'proposal'::public.deal_stage THEN 50
            WHEN 'negotiation'::public.deal_stage THEN 75
            ELSE 0
        END))::numeric) / (100)::numeric) AS weighted_amount
   FROM (public.deals d
     JOIN public.companies c ON ((c.id = d.company_id)))
  WHERE (d.stage <> ALL (ARRAY['won'::public.deal_stage, 'lost'::public.deal_stage]));


ALTER TABLE public.open_pipeline OWNER TO app;

--
-- Name: VIEW open_pipeline; Type: COMMENT; Schema: public; Owner: app
--

COMMENT ON VIEW public.open_pipeline IS 'Deals not yet won or lost, with probability-weighted amounts.';


--
-- Name: users; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.users (
    id integer NOT NULL,
    email character varying(255) NOT NULL,
    full_name text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.users OWNER TO app;

--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: app
--

CREATE SEQUENCE public.users_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.users_id_seq OWNER TO app;

--
-- Name: users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app
--

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;


--
-- Name: activities id; Type: DEFAULT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.activities ALTER COLUMN id SET DEFAULT nextval('public.activities_id_seq'::regclass);


--
-- Name: companies id; Type: DEFAULT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.companies ALTER COLUMN id SET DEFAULT nextval('public.companies_id_seq'::regclass);


--
-- Name: contacts id; Type: DEFAULT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.contacts ALTER COLUMN id SET DEFAULT nextval('public.contacts_id_seq'::regclass);


--
-- Name: deals id; Type: DEFAULT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.deals ALTER COLUMN id SET DEFAULT nextval('public.deals_id_seq'::regclass);


--
-- Name: notes id; Type: DEFAULT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.notes ALTER COLUMN id SET DEFAULT nextval('public.notes_id_seq'::regclass);


--
-- Name: users id; Type: DEFAULT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);


--
-- Name: activities activities_pkey; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_pkey PRIMARY KEY (id);


--
-- Name: companies companies_domain_key; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.companies
    ADD CONSTRAINT companies_domain_key UNIQUE (domain);


--
-- Name: companies companies_pkey; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.companies
    ADD CONSTRAINT companies_pkey PRIMARY KEY (id);


--
-- Name: contacts contacts_pkey; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_pkey PRIMARY KEY (id);


--
-- Name: deals deals_pkey; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.deals
    ADD CONSTRAINT deals_pkey PRIMARY KEY (id);


--
-- Name: notes notes_pkey; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);


--
-- Name: users users_email_key; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_email_key UNIQUE (email);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: activities_due_idx; Type: INDEX; Schema: public; Owner: app
--

CREATE INDEX activities_due_idx ON public.activities USING btree (owner_id, due_at) WHERE (done_at IS NULL);


--
-- Name: contacts_company_id_idx; Type: INDEX; Schema: public; Owner: app
--

CREATE INDEX contacts_company_id_idx ON public.contacts USING btree (company_id);


--
-- Name: contacts_email_lower_idx; Type: INDEX; Schema: public; Owner: app
--

CREATE UNIQUE INDEX contacts_email_lower_idx ON public.contacts USING btree (lower((email)::text));


--
-- Name: deals_company_id_idx; Type: INDEX; Schema: public; Owner: app
--

CREATE INDEX deals_company_id_idx ON public.deals USING btree (company_id);


--
-- Name: deals_owner_stage_idx; Type: INDEX; Schema: public; Owner: app
--

CREATE INDEX deals_owner_stage_idx ON public.deals USING btree (owner_id, stage);


--
-- Name: notes_deal_id_idx; Type: INDEX; Schema: public; Owner: app
--

CREATE INDEX notes_deal_id_idx ON public.notes USING btree (deal_id) WHERE (deal_id IS NOT NULL);


--
-- Name: companies companies_touch_updated_at; Type: TRIGGER; Schema: public; Owner: app
--

CREATE TRIGGER companies_touch_updated_at BEFORE UPDATE ON public.companies FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();


--
-- Name: contacts contacts_touch_updated_at; Type: TRIGGER; Schema: public; Owner: app
--

CREATE TRIGGER contacts_touch_updated_at BEFORE UPDATE ON public.contacts FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();


--
-- Name: deals deals_stage_changed; Type: TRIGGER; Schema: public; Owner: app
--

CREATE TRIGGER deals_stage_changed BEFORE UPDATE OF stage ON public.deals FOR EACH ROW EXECUTE FUNCTION public.deal_stage_changed();


--
-- Name: deals deals_touch_updated_at; Type: TRIGGER; Schema: public; Owner: app
--

CREATE TRIGGER deals_touch_updated_at BEFORE UPDATE ON public.deals FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();


--
-- Name: activities activities_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE SET NULL;


--
-- Name: activities activities_deal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_deal_id_fkey FOREIGN KEY (deal_id) REFERENCES public.deals(id) ON DELETE CASCADE;


--
-- Name: activities activities_owner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.users(id);


--
-- Name: companies companies_owner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.companies
    ADD CONSTRAINT companies_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: contacts contacts_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies(id) ON DELETE SET NULL;


--
-- Name: deals deals_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.deals
    ADD CONSTRAINT deals_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies(id) ON DELETE CASCADE;


--
-- Name: deals deals_owner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.deals
    ADD CONSTRAINT deals_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.users(id);


--
-- Name: deals deals_primary_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.deals
    ADD CONSTRAINT deals_primary_contact_id_fkey FOREIGN KEY (primary_contact_id) REFERENCES public.contacts(id) ON DELETE SET NULL;


--
-- Name: notes notes_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.users(id);


--
-- Name: notes notes_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies(id) ON DELETE CASCADE;


--
-- Name: notes notes_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;


--
-- Name: notes notes_deal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_deal_id_fkey FOREIGN KEY (deal_id) REFERENCES public.deals(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

