-- Admins add and rename insurance plans: two plans may not share a name, whatever its case.
CREATE UNIQUE INDEX insurance_plan_name ON insurance_plan (lower(name));

-- The website's articles, edited by admins. body is Markdown (CommonMark), rendered with raw HTML
-- escaped when a page is served. topics find related articles; services are ids of catalog services a
-- reader may book next, best first (not a foreign key: an article may outlive a service, and the page
-- only offers those that exist). Only published articles are on the site and in the sitemap.
-- The first articles are loaded from src/main/resources/articles/*.md by migration 13 (ArticleSeed).
CREATE TABLE article (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    title         text NOT NULL CHECK (title <> ''),
    summary       text NOT NULL,
    body          text NOT NULL,
    topics        text[] NOT NULL CHECK (cardinality(topics) > 0),
    services      text[] NOT NULL DEFAULT '{}',
    published_on  date NOT NULL,
    published     boolean NOT NULL DEFAULT false,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
